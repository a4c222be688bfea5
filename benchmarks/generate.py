"""Generate synthetic, valid planc source folders for benchmarking.

    python benchmarks/generate.py --tasks 10000 [--rounds 4] [--seed 1] OUT_DIR

writes ``OUT_DIR/registry/{places,units}.yaml`` and one folder per biennial round
(``2016-2017``, ``2018-2019``, ...) holding ``plan.yaml``, ``tasks/*.yaml``,
``cases/*.yaml`` and ``indicators/*.yaml`` in the layout of ``shared/DESIGN.md``.

The output is meant to check clean: every reference resolves, every case and indicator is
referred to by a task, and every declared figure in ``plan.yaml`` equals what the sources
hold. Output depends only on the arguments (a seeded ``random.Random``), and the YAML text is
written directly with the standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FIRST_YEAR = 2016

# --------------------------------------------------------------------------------------------
# YAML scalar writing
# --------------------------------------------------------------------------------------------

# Characters that may appear in a plain (unquoted) scalar, in block *and* flow context.
# Deliberately conservative: no ASCII quotes, colons, hashes, commas, brackets or braces.
_PLAIN_RE = re.compile(
    r"[A-Za-z\u4e00-\u9fff][\w\u3000-\u303f\u4e00-\u9fff\uff01-\uffef"
    r"《》（）、，。：；“”‘’·—().+/ -]*"
)
_SPECIAL_WORDS = frozenset(
    {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "none", "nan", "inf"}
)


def q(value: str) -> str:
    """Render a string as a YAML scalar, quoting it (JSON-style) when a plain one is unsafe."""
    if (
        _PLAIN_RE.fullmatch(value)
        and not value.endswith(" ")
        and value.lower() not in _SPECIAL_WORDS
        and " -" not in value
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


class Raw(str):
    """A scalar written as-is (an ISO date, which YAML reads as a date)."""

    __slots__ = ()


def flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(q(item) for item in items) + "]"


def flow_map(pairs: Sequence[tuple[str, str | int | float]]) -> str:
    parts = []
    for key, value in pairs:
        if isinstance(value, Raw):
            rendered = str(value)
        elif isinstance(value, str):
            rendered = q(value)
        else:
            rendered = repr(value)
        parts.append(f"{q(key)}: {rendered}")
    return "{" + ", ".join(parts) + "}"


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# (code, 中文, English, [(city id, 中文, English), ...])
COUNTRIES: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    ("sg", "新加坡", "Singapore", [("singapore", "新加坡", "Singapore")]),
    (
        "jp",
        "日本",
        "Japan",
        [
            ("tokyo", "东京", "Tokyo"),
            ("osaka", "大阪", "Osaka"),
            ("yokohama", "横滨", "Yokohama"),
            ("fukuoka", "福冈", "Fukuoka"),
            ("kobe", "神户", "Kobe"),
            ("kitakyushu", "北九州", "Kitakyushu"),
        ],
    ),
    (
        "kr",
        "韩国",
        "Republic of Korea",
        [
            ("seoul", "首尔", "Seoul"),
            ("busan", "釜山", "Busan"),
            ("incheon", "仁川", "Incheon"),
            ("daegu", "大邱", "Daegu"),
        ],
    ),
    (
        "de",
        "德国",
        "Germany",
        [
            ("berlin", "柏林", "Berlin"),
            ("hamburg", "汉堡", "Hamburg"),
            ("munich", "慕尼黑", "Munich"),
            ("frankfurt", "法兰克福", "Frankfurt"),
            ("duesseldorf", "杜塞尔多夫", "Düsseldorf"),
        ],
    ),
    (
        "fr",
        "法国",
        "France",
        [("paris", "巴黎", "Paris"), ("lyon", "里昂", "Lyon"), ("marseille", "马赛", "Marseille")],
    ),
    (
        "gb",
        "英国",
        "United Kingdom",
        [
            ("london", "伦敦", "London"),
            ("manchester", "曼彻斯特", "Manchester"),
            ("edinburgh", "爱丁堡", "Edinburgh"),
            ("liverpool", "利物浦", "Liverpool"),
        ],
    ),
    (
        "us",
        "美国",
        "United States",
        [
            ("new-york", "纽约", "New York"),
            ("san-francisco", "旧金山", "San Francisco"),
            ("boston", "波士顿", "Boston"),
            ("seattle", "西雅图", "Seattle"),
            ("chicago", "芝加哥", "Chicago"),
            ("los-angeles", "洛杉矶", "Los Angeles"),
            ("houston", "休斯敦", "Houston"),
        ],
    ),
    (
        "ca",
        "加拿大",
        "Canada",
        [
            ("toronto", "多伦多", "Toronto"),
            ("vancouver", "温哥华", "Vancouver"),
            ("montreal", "蒙特利尔", "Montreal"),
        ],
    ),
    (
        "au",
        "澳大利亚",
        "Australia",
        [
            ("sydney", "悉尼", "Sydney"),
            ("melbourne", "墨尔本", "Melbourne"),
            ("brisbane", "布里斯班", "Brisbane"),
        ],
    ),
    (
        "nz",
        "新西兰",
        "New Zealand",
        [("auckland", "奥克兰", "Auckland"), ("wellington", "惠灵顿", "Wellington")],
    ),
    (
        "nl",
        "荷兰",
        "Netherlands",
        [
            ("amsterdam", "阿姆斯特丹", "Amsterdam"),
            ("rotterdam", "鹿特丹", "Rotterdam"),
            ("eindhoven", "埃因霍温", "Eindhoven"),
        ],
    ),
    (
        "be",
        "比利时",
        "Belgium",
        [("brussels", "布鲁塞尔", "Brussels"), ("antwerp", "安特卫普", "Antwerp")],
    ),
    (
        "ch",
        "瑞士",
        "Switzerland",
        [
            ("zurich", "苏黎世", "Zurich"),
            ("geneva", "日内瓦", "Geneva"),
            ("basel", "巴塞尔", "Basel"),
        ],
    ),
    ("at", "奥地利", "Austria", [("vienna", "维也纳", "Vienna")]),
    (
        "se",
        "瑞典",
        "Sweden",
        [("stockholm", "斯德哥尔摩", "Stockholm"), ("gothenburg", "哥德堡", "Gothenburg")],
    ),
    (
        "dk",
        "丹麦",
        "Denmark",
        [("copenhagen", "哥本哈根", "Copenhagen"), ("aarhus", "奥胡斯", "Aarhus")],
    ),
    ("fi", "芬兰", "Finland", [("helsinki", "赫尔辛基", "Helsinki")]),
    (
        "it",
        "意大利",
        "Italy",
        [("milan", "米兰", "Milan"), ("rome", "罗马", "Rome"), ("genoa", "热那亚", "Genoa")],
    ),
    (
        "es",
        "西班牙",
        "Spain",
        [
            ("barcelona", "巴塞罗那", "Barcelona"),
            ("madrid", "马德里", "Madrid"),
            ("valencia", "瓦伦西亚", "Valencia"),
        ],
    ),
    ("pt", "葡萄牙", "Portugal", [("lisbon", "里斯本", "Lisbon"), ("porto", "波尔图", "Porto")]),
    ("il", "以色列", "Israel", [("tel-aviv", "特拉维夫", "Tel Aviv"), ("haifa", "海法", "Haifa")]),
    (
        "ae",
        "阿联酋",
        "United Arab Emirates",
        [("dubai", "迪拜", "Dubai"), ("abu-dhabi", "阿布扎比", "Abu Dhabi")],
    ),
    (
        "ru",
        "俄罗斯",
        "Russia",
        [
            ("moscow", "莫斯科", "Moscow"),
            ("saint-petersburg", "圣彼得堡", "Saint Petersburg"),
            ("vladivostok", "符拉迪沃斯托克", "Vladivostok"),
        ],
    ),
    ("in", "印度", "India", [("bangalore", "班加罗尔", "Bengaluru"), ("mumbai", "孟买", "Mumbai")]),
    ("th", "泰国", "Thailand", [("bangkok", "曼谷", "Bangkok")]),
    (
        "my",
        "马来西亚",
        "Malaysia",
        [("kuala-lumpur", "吉隆坡", "Kuala Lumpur"), ("penang", "槟城", "Penang")],
    ),
    ("id", "印度尼西亚", "Indonesia", [("jakarta", "雅加达", "Jakarta")]),
    (
        "vn",
        "越南",
        "Viet Nam",
        [("ho-chi-minh-city", "胡志明市", "Ho Chi Minh City"), ("hanoi", "河内", "Hanoi")],
    ),
    ("ph", "菲律宾", "Philippines", [("manila", "马尼拉", "Manila")]),
    (
        "kz",
        "哈萨克斯坦",
        "Kazakhstan",
        [("almaty", "阿拉木图", "Almaty"), ("astana", "阿斯塔纳", "Astana")],
    ),
    ("uz", "乌兹别克斯坦", "Uzbekistan", [("tashkent", "塔什干", "Tashkent")]),
    ("pk", "巴基斯坦", "Pakistan", [("karachi", "卡拉奇", "Karachi")]),
    (
        "br",
        "巴西",
        "Brazil",
        [("sao-paulo", "圣保罗", "São Paulo"), ("rio-de-janeiro", "里约热内卢", "Rio de Janeiro")],
    ),
    ("mx", "墨西哥", "Mexico", [("mexico-city", "墨西哥城", "Mexico City")]),
    (
        "za",
        "南非",
        "South Africa",
        [("cape-town", "开普敦", "Cape Town"), ("johannesburg", "约翰内斯堡", "Johannesburg")],
    ),
    ("eg", "埃及", "Egypt", [("cairo", "开罗", "Cairo")]),
    ("ie", "爱尔兰", "Ireland", [("dublin", "都柏林", "Dublin")]),
    ("pl", "波兰", "Poland", [("warsaw", "华沙", "Warsaw")]),
    ("cz", "捷克", "Czechia", [("prague", "布拉格", "Prague")]),
    ("hu", "匈牙利", "Hungary", [("budapest", "布达佩斯", "Budapest")]),
    ("gr", "希腊", "Greece", [("piraeus", "比雷埃夫斯", "Piraeus"), ("athens", "雅典", "Athens")]),
    (
        "cn",
        "中国",
        "China",
        [
            ("shenzhen", "深圳", "Shenzhen"),
            ("shanghai", "上海", "Shanghai"),
            ("beijing", "北京", "Beijing"),
            ("guangzhou", "广州", "Guangzhou"),
            ("hangzhou", "杭州", "Hangzhou"),
            ("tianjin", "天津", "Tianjin"),
            ("xiamen", "厦门", "Xiamen"),
            ("ningbo", "宁波", "Ningbo"),
            ("dalian", "大连", "Dalian"),
            ("chengdu", "成都", "Chengdu"),
        ],
    ),
]
REGIONS_OF_CHINA: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    ("hk", "中国香港", "Hong Kong SAR", [("hong-kong", "香港", "Hong Kong")]),
    ("mo", "中国澳门", "Macao SAR", [("macao", "澳门", "Macao")]),
    (
        "tw",
        "中国台湾",
        "Taiwan region",
        [("taipei", "台北", "Taipei"), ("kaohsiung", "高雄", "Kaohsiung")],
    ),
]
# Sub-national regions (kind `region`, which planc requires to name the country they belong to).
REGIONS: list[tuple[str, str, str, str]] = [
    ("bavaria", "巴伐利亚州", "Bavaria", "de"),
    ("california", "加利福尼亚州", "California", "us"),
    ("catalonia", "加泰罗尼亚", "Catalonia", "es"),
    ("kyushu", "九州地区", "Kyushu", "jp"),
    ("gyeonggi", "京畿道", "Gyeonggi Province", "kr"),
    ("guangdong", "广东省", "Guangdong Province", "cn"),
]

# (id, 中文, English) for the responsible units: domain x unit type gives ~200 units.
UNIT_DOMAINS: list[tuple[str, str, str]] = [
    ("commerce", "商务", "Commerce"),
    ("foreign-affairs", "外事", "Foreign Affairs"),
    ("development", "发展改革", "Development and Reform"),
    ("finance", "财政", "Finance"),
    ("science", "科技", "Science and Technology"),
    ("industry", "工业和信息化", "Industry and IT"),
    ("education", "教育", "Education"),
    ("culture", "文化和旅游", "Culture and Tourism"),
    ("health", "卫生健康", "Health"),
    ("transport", "交通运输", "Transport"),
    ("ocean", "海洋发展", "Ocean Development"),
    ("port", "港口", "Port"),
    ("human-resources", "人力资源和社会保障", "Human Resources and Social Security"),
    ("housing", "住房城乡建设", "Housing and Urban-Rural Development"),
    ("natural-resources", "自然资源和规划", "Natural Resources and Planning"),
    ("ecology", "生态环境", "Ecology and Environment"),
    ("agriculture", "农业农村", "Agriculture"),
    ("justice", "司法", "Justice"),
    ("public-security", "公安", "Public Security"),
    ("market-regulation", "市场监督管理", "Market Regulation"),
    ("statistics", "统计", "Statistics"),
    ("sports", "体育", "Sports"),
    ("civil-affairs", "民政", "Civil Affairs"),
    ("emergency", "应急管理", "Emergency Management"),
    ("audit", "审计", "Audit"),
    ("big-data", "大数据发展", "Big Data Development"),
    ("admin-approval", "行政审批服务", "Administrative Approval Services"),
    ("financial-work", "地方金融监督管理", "Local Financial Supervision"),
    ("investment-promotion", "投资促进", "Investment Promotion"),
    ("customs-liaison", "口岸", "Port of Entry"),
    ("tax-liaison", "税务", "Taxation"),
    ("urban-management", "城市管理", "Urban Management"),
    ("water", "水务管理", "Water Affairs"),
    ("veterans", "退役军人事务", "Veterans Affairs"),
    ("archives", "档案", "Archives"),
    ("press", "新闻出版", "Press and Publication"),
    ("radio-tv", "广播电视", "Radio and Television"),
    ("trade-promotion", "贸易促进", "Trade Promotion"),
    ("talent", "人才工作", "Talent Affairs"),
    ("overseas-chinese", "侨务", "Overseas Chinese Affairs"),
]
UNIT_TYPES: list[tuple[str, str, str]] = [
    ("bureau", "局", "Bureau"),
    ("commission", "委员会", "Commission"),
    ("office", "办公室", "Office"),
    ("center", "服务中心", "Service Center"),
    ("institute", "研究院", "Research Institute"),
]

CHAPTERS: list[tuple[str, str, str]] = [
    ("enterprise", "推进企业国际化", "激发城市发展核心活力"),
    ("industry", "推进产业国际化", "构建现代产业体系"),
    ("trade", "推进贸易国际化", "拓展开放型经济新空间"),
    ("investment", "推进投资国际化", "提升双向投资水平"),
    ("port", "推进港口国际化", "建设国际航运枢纽"),
    ("technology", "推进科技创新国际化", "集聚全球创新资源"),
    ("talent", "推进人才国际化", "打造国际人才高地"),
    ("culture", "推进文化国际化", "彰显城市文化魅力"),
    ("tourism", "推进旅游国际化", "建设国际旅游目的地"),
    ("education", "推进教育国际化", "提升教育开放水平"),
    ("health", "推进医疗卫生国际化", "提供国际化健康服务"),
    ("urban", "推进城市建设管理国际化", "塑造国际一流城市形象"),
    ("governance", "推进政务服务国际化", "营造国际一流营商环境"),
    ("platforms", "推进开放平台国际化", "构筑对外开放新高地"),
    ("marine", "推进海洋经济国际化", "建设国际海洋名城"),
    ("finance", "推进金融国际化", "建设财富管理中心"),
]
SECTION_TITLES = [
    "在建平台集聚资源方面",
    "在优化营商环境方面",
    "在引进高端人才方面",
    "在拓展国际市场方面",
    "在完善服务体系方面",
    "在深化交流合作方面",
    "在创新体制机制方面",
    "在提升城市品质方面",
]

VERBS = [
    "推进",
    "加快",
    "深化",
    "支持",
    "建设",
    "打造",
    "培育",
    "完善",
    "拓展",
    "实施",
    "健全",
    "提升",
    "引进",
    "举办",
    "设立",
    "推动",
    "探索",
    "优化",
    "扩大",
    "构建",
]
QUALIFIERS = ["高标准", "全面", "积极", "大力", "持续", "率先", "稳步", ""]
OBJECTS = [
    "跨境电商综合试验区",
    '"国际客厅"',
    "上合组织地方经贸合作示范区",
    "国际航运服务中心",
    "海洋科技创新平台",
    "国际友好城市网络",
    "外籍人才服务体系",
    "国际学校",
    "国际医疗服务",
    "自由贸易试验区青岛片区",
    "国际会展品牌",
    "境外经贸合作区",
    "国际化社区",
    "涉外法律服务",
    "国际邮轮母港",
    "双向投资促进机制",
    "国际科技合作基地",
    "跨国公司地区总部",
    "国际标准体系",
    "对外文化交流品牌",
    "财富管理金融综合改革试验区",
    "中德生态园",
    "中日地方发展合作示范区",
    "国际航线网络",
    "世界500强企业招引",
    "外资研发中心",
    "国际体育赛事",
    "多语种公共标识",
    "国际旅游消费中心",
    "企业海外并购",
    "外贸综合服务企业",
    "国际物流通道",
    "海外人才工作站",
    "国际组织分支机构",
    "口岸通关便利化",
    "离岸创新创业基地",
    "国际精品航线",
    "国际教育合作项目",
]
SUFFIXES = ["建设", "工作", "试点", "体系", "能力", "水平", "机制", "布局", ""]
PURPOSES = [
    "对标国际先进城市",
    "围绕建设开放现代活力时尚的国际大都市",
    "按照国际通行规则",
    "聚焦重点国家和地区",
    "依托上合组织地方经贸合作示范区",
    "以企业为主体",
    "坚持政府引导与市场运作相结合",
    "立足青岛实际",
]
ACTIONS = [
    "建立健全工作推进机制",
    "每年引进一批高层次项目",
    "形成可复制可推广的经验",
    "力争到期末达到国内先进水平",
    "完善配套政策和服务保障",
    "加强与国际组织的交流合作",
    "推动资源要素集聚",
    "提升国际知名度和影响力",
    "打造一批示范项目",
    "加大宣传推介力度",
]
CASE_TOPICS = [
    ("port-management", "港口航运管理"),
    ("free-port", "自由港政策"),
    ("science-park", "科技园区运营"),
    ("talent-plan", "人才引进计划"),
    ("exhibition", "会展业发展"),
    ("wealth-management", "财富管理中心建设"),
    ("smart-city", "智慧城市建设"),
    ("international-school", "国际学校办学"),
    ("cruise-port", "邮轮母港发展"),
    ("startup-ecosystem", "创业生态培育"),
    ("urban-renewal", "城市更新"),
    ("marine-economy", "海洋经济发展"),
    ("city-branding", "城市品牌营销"),
    ("sister-cities", "友好城市交往"),
    ("business-environment", "营商环境改革"),
    ("airport-hub", "航空枢纽建设"),
    ("cultural-district", "文化创意街区"),
    ("medical-tourism", "国际医疗旅游"),
    ("headquarters", "总部经济发展"),
    ("trade-facilitation", "贸易便利化"),
]
CASE_KINDS = ["经验", "模式", "做法", "实践", "案例"]
SUMMARY_CLAUSES = [
    "该市通过立法明确政府与市场的边界",
    "设立专门机构统筹推进相关工作",
    "以市场化方式吸引社会资本参与",
    "建立覆盖全周期的服务体系",
    "注重国际规则与本地实际相结合",
    "形成了政府、企业、高校协同推进的格局",
    "经过十余年发展已成为全球领先的典范",
    "其经验对青岛具有重要借鉴意义",
    "通过税收优惠和简化审批降低企业成本",
    "重视品牌塑造和国际传播",
    "依托区位优势打造区域性枢纽",
    "以数字化手段提升治理效能",
]
PRACTICE_CLAUSES = [
    "建立高层级统筹协调机制",
    "制定中长期发展规划并滚动实施",
    "设立专项引导基金",
    "实行一站式审批服务",
    "引入国际化专业运营团队",
    "建立以企业需求为导向的政策体系",
    "加强与周边城市的分工协作",
    "打造具有国际影响力的活动品牌",
    "完善多语种公共服务",
    "建立科学的评估考核机制",
    "推动产学研深度融合",
    "对标国际通行规则开展制度创新",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建"
PUBLISHERS = [
    "中国经济出版社",
    "社会科学文献出版社",
    "人民出版社",
    "青岛出版社",
    "商务印书馆",
    "经济日报出版社",
    "中国发展出版社",
    "格致出版社",
]
# (id, 中文, unit, magnitude)
INDICATORS: list[tuple[str, str, str, int]] = [
    ("listed-companies", "境内外上市公司数量", "家", 100),
    ("foreign-trade", "外贸进出口总额", "亿元", 5000),
    ("foreign-investment", "实际使用外资", "亿美元", 80),
    ("international-routes", "国际航线数量", "条", 40),
    ("foreign-talent", "在青外籍人才数量", "人", 20000),
    ("sister-cities", "国际友好城市数量", "个", 80),
    ("international-conferences", "国际会议数量", "个", 100),
    ("container-throughput", "港口集装箱吞吐量", "万标准箱", 2000),
    ("inbound-tourists", "入境游客人数", "万人次", 150),
    ("fortune-500", "世界500强企业投资数量", "家", 150),
    ("outbound-investment", "对外直接投资额", "亿美元", 30),
    ("cross-border-ecommerce", "跨境电商交易额", "亿元", 500),
    ("service-trade", "服务贸易进出口额", "亿美元", 150),
    ("international-schools", "国际学校数量", "所", 20),
    ("international-hospitals", "国际医院数量", "家", 15),
    ("pct-patents", "PCT国际专利申请量", "件", 1500),
    ("foreign-rd-centers", "外资研发中心数量", "家", 60),
    ("international-students", "来青留学生人数", "人", 8000),
    ("exhibitions", "国际性展会数量", "个", 50),
    ("sports-events", "国际体育赛事数量", "项", 30),
    ("airport-passengers", "机场旅客吞吐量", "万人次", 3000),
    ("international-flights", "国际及地区航班量", "架次", 20000),
    ("cruise-visits", "邮轮访问艘次", "艘次", 150),
    ("headquarters", "跨国公司地区总部数量", "家", 40),
    ("financial-institutions", "外资金融机构数量", "家", 60),
    ("consulates", "外国领事机构数量", "个", 10),
    ("international-organizations", "国际组织分支机构数量", "个", 20),
    ("multilingual-signs", "多语种标识覆盖率", "%", 100),
    ("english-websites", "政府外文网站覆盖率", "%", 100),
    ("overseas-offices", "海外经贸代表处数量", "个", 20),
    ("tech-transfer", "国际技术转移项目数", "项", 300),
    ("ocean-gdp", "海洋生产总值占比", "%", 30),
    ("digital-economy", "数字经济核心产业增加值", "亿元", 1500),
    ("gdp-per-capita", "人均地区生产总值", "美元", 25000),
    ("rd-intensity", "研发投入强度", "%", 4),
    ("green-space", "人均公园绿地面积", "平方米", 20),
    ("air-quality", "空气质量优良天数比例", "%", 90),
    ("foreign-enterprises", "外商投资企业数量", "家", 8000),
    ("international-communities", "国际化社区数量", "个", 30),
    ("global-brands", "国际知名品牌数量", "个", 60),
]
DIMENSIONS: list[tuple[str, str]] = [
    ("open-economy", "开放型经济"),
    ("innovation", "创新能力"),
    ("connectivity", "互联互通"),
    ("livability", "宜居环境"),
    ("culture-exchange", "人文交流"),
    ("governance", "城市治理"),
    ("modern-industry", "现代产业"),
    ("talent-pool", "人才集聚"),
    ("global-influence", "国际影响"),
    ("services", "公共服务"),
    ("ocean", "海洋特色"),
    ("finance-services", "金融服务"),
]
SLUG_WORDS = [
    "trade",
    "port",
    "talent",
    "platform",
    "ecommerce",
    "living-room",
    "cruise",
    "expo",
    "science",
    "finance",
    "culture",
    "tourism",
    "school",
    "hospital",
    "community",
    "route",
    "hub",
    "center",
    "park",
    "zone",
    "brand",
    "service",
    "network",
    "standard",
    "law",
    "ocean",
    "airport",
    "logistics",
    "startup",
    "headquarters",
    "sports",
    "film",
    "music",
]
STAGES = ["低阶", "中阶", "高阶"]


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------


@dataclass
class Task:
    id: str
    number: int
    title: str
    text: str | None
    lead: str
    partners: list[str]
    indicators: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    benchmarks: list[str] = field(default_factory=list)
    continues: str | None = None
    due: str | None = None
    source: str = ""


@dataclass
class Case:
    id: str
    title: str
    places: list[str]
    summary: str
    practices: list[str]
    references: list[list[tuple[str, str | int | float]]]
    source: str | None


@dataclass
class Registry:
    places_yaml: str
    units_yaml: str
    units: list[str]
    places: list[str]
    cities: list[str]
    country_of: dict[str, str]


def _chinese(rng: random.Random, pieces: Sequence[str], low: int, high: int) -> str:
    """Join random pieces with '，' until the length lies in [low, high] (truncating if needed)."""
    target = rng.randint(low, high)
    text = rng.choice(pieces)
    while len(text) < target:
        text += "，" + rng.choice(pieces)
    if len(text) > high:
        text = text[:high].rstrip("，")
    return text


def _task_clause(rng: random.Random) -> str:
    return rng.choice(QUALIFIERS) + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(SUFFIXES)


def _task_title(rng: random.Random) -> str:
    """A title of 15-40 characters made of whole clauses (clauses are 6-18 characters)."""
    target = rng.randint(15, 40)
    text = _task_clause(rng)
    while len(text) < target:
        clause = _task_clause(rng)
        if len(text) + 1 + len(clause) > 40:
            break  # only possible once text is longer than 22 characters
        text += "，" + clause
    return text


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` into `parts` positive integers of roughly similar size."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    spare = total - parts
    scale = sum(weights)
    sizes = [1 + int(spare * w / scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def _even(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


def build_registry() -> Registry:
    lines = ["# Synthetic registry written by benchmarks/generate.py", "places:"]
    places: list[str] = []
    cities: list[str] = []
    country_of: dict[str, str] = {}

    def place(pid: str, name: str, en: str, kind: str, country: str | None = None) -> None:
        pairs: list[tuple[str, str | int | float]] = [("name", name), ("en", en), ("kind", kind)]
        if country is not None:
            pairs.append(("country", country))
        if kind == "city":
            assert country is not None
            country_of[pid] = country
            cities.append(pid)
        lines.append(f"  {pid}: {flow_map(pairs)}")
        places.append(pid)

    for kind, table in (("country", COUNTRIES), ("region-of-china", REGIONS_OF_CHINA)):
        for code, name, en, _ in table:
            place(code, name, en, kind)
    for rid, name, en, country in REGIONS:
        place(rid, name, en, "region", country)
    for table in (COUNTRIES, REGIONS_OF_CHINA):
        for code, _, _, city_list in table:
            for cid, name, en in city_list:
                place(cid, name, en, "city", code)
    places_yaml = "\n".join(lines) + "\n"

    ulines = ["# Synthetic registry written by benchmarks/generate.py", "units:"]
    units: list[str] = []
    for did, dname, den in UNIT_DOMAINS:
        for tid, tname, ten in UNIT_TYPES:
            uid = f"{did}-{tid}"
            pairs: list[tuple[str, str | int | float]] = [
                ("name", f"市{dname}{tname}"),
                ("en", f"Qingdao Municipal {den} {ten}"),
            ]
            ulines.append(f"  {uid}: {flow_map(pairs)}")
            units.append(uid)
    units_yaml = "\n".join(ulines) + "\n"
    return Registry(places_yaml, units_yaml, units, places, cities, country_of)


# --------------------------------------------------------------------------------------------
# Rounds
# --------------------------------------------------------------------------------------------


@dataclass
class RoundOutput:
    name: str
    files: dict[str, str]
    task_ids: list[str]
    n_tasks: int
    n_cases: int
    n_indicators: int


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.registry = build_registry()
        self.counter = 0

    def next_id(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def round(
        self, index: int, n_tasks: int, n_cases: int, previous: RoundOutput | None
    ) -> RoundOutput:
        rng = self.rng
        reg = self.registry
        year = FIRST_YEAR + 2 * index
        name = f"{year}-{year + 1}"
        files: dict[str, str] = {}

        # sources
        sources = [
            (
                f"press-{year}",
                f'《青岛市推进"国际化+"行动计划({year}/{year + 1}年)》新闻发布会',
                "青岛市政府新闻办",
                f"{year}-07-{rng.randint(1, 28):02d}",
            ),
            (
                f"qdnews-{year}",
                "青岛日报：国际化+行动计划解读",
                "青岛日报",
                f"{year}-08-{rng.randint(1, 28):02d}",
            ),
        ]
        if rng.random() < 0.5:
            sources.append(
                (
                    f"bandao-{year}",
                    "半岛都市报：国际化+行动计划明确重点任务",
                    "半岛都市报",
                    f"{year}-09-{rng.randint(1, 28):02d}",
                )
            )
        source_ids = [s[0] for s in sources]

        # chapters and parts
        n_chapters = min(n_tasks, rng.randint(7, 9))
        chapter_idx = sorted(rng.sample(range(len(CHAPTERS)), n_chapters))
        chapters = [CHAPTERS[i] for i in chapter_idx]
        n_parts = min(n_cases, rng.randint(5, 7))
        part_idx = sorted(rng.sample(range(len(CHAPTERS)), n_parts))
        parts = [CHAPTERS[i] for i in part_idx]

        # indicators (at most two per task, so coverage needs n_ind <= 2 * n_tasks)
        n_ind = min(rng.randint(28, 32), 2 * n_tasks, len(INDICATORS))
        ind_rows = rng.sample(INDICATORS, n_ind)
        indicator_ids = [row[0] for row in ind_rows]

        # cases
        cases: list[Case] = []
        for _ in range(n_cases):
            city = rng.choice(reg.cities)
            topic_id, topic = rng.choice(CASE_TOPICS)
            places = [city]
            roll = rng.random()
            if roll < 0.1:
                places.append(reg.country_of[city])  # already counted through the city
            elif roll < 0.25:
                other = rng.choice(reg.cities)
                if other != city:
                    places.append(other)
            cname = _CITY_NAMES[city]
            references: list[list[tuple[str, str | int | float]]] = []
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                self.counter += 1
                references.append(
                    [
                        ("author", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)),
                        ("title", f"{cname}{topic}研究（第{self.counter}辑）"),
                        ("publisher", rng.choice(PUBLISHERS)),
                        ("year", rng.randint(year - 8, year - 1)),
                        ("url", f"https://example.org/refs/{name}/{self.counter}"),
                    ]
                )
            cases.append(
                Case(
                    id=self.next_id(f"{city}-{topic_id}"),
                    title=f"{cname}{topic}{rng.choice(CASE_KINDS)}",
                    places=places,
                    summary=_chinese(rng, SUMMARY_CLAUSES, 90, 110) + "。",
                    practices=[
                        _chinese(rng, PRACTICE_CLAUSES, 20, 50) + "。"
                        for _ in range(rng.randint(2, 4))
                    ],
                    references=references,
                    source=rng.choice(source_ids) if rng.random() < 0.5 else None,
                )
            )
        case_ids = [c.id for c in cases]

        # tasks
        tasks: list[Task] = []
        for i in range(n_tasks):
            lead = rng.choice(reg.units)
            partners = [u for u in rng.sample(reg.units, rng.randint(0, 3)) if u != lead]
            tasks.append(
                Task(
                    id="",
                    number=i + 1,
                    title=_task_title(rng),
                    text=_chinese(rng, PURPOSES + ACTIONS, 70, 90) + "。"
                    if rng.random() < 0.5
                    else None,
                    lead=lead,
                    partners=partners,
                    due=f"{year + 1}-12" if rng.random() < 0.2 else None,
                    source=rng.choice(source_ids),
                )
            )
        # coverage: every case and every indicator is named by some task
        order = list(range(n_tasks))
        rng.shuffle(order)
        for k, cid in enumerate(case_ids):
            tasks[order[k % n_tasks]].cases.append(cid)
        rng.shuffle(order)
        for k, iid in enumerate(indicator_ids):
            tasks[order[k % n_tasks]].indicators.append(iid)
        for t in tasks:
            if case_ids and len(t.cases) < 2 and rng.random() < 0.15:
                extra = rng.choice(case_ids)
                if extra not in t.cases:
                    t.cases.append(extra)
            if indicator_ids and len(t.indicators) < 2 and rng.random() < 0.3:
                extra = rng.choice(indicator_ids)
                if extra not in t.indicators:
                    t.indicators.append(extra)
            if rng.random() < 0.25:
                t.benchmarks.append(rng.choice(reg.places))
        # lineage and ids
        reused: set[int] = set()
        if previous is not None and previous.task_ids:
            k = min(round(0.3 * n_tasks), len(previous.task_ids))
            for ti, pid in zip(
                rng.sample(range(n_tasks), k), rng.sample(previous.task_ids, k), strict=True
            ):
                tasks[ti].continues = f"{previous.name}:{pid}"
                if rng.random() < 0.5:
                    tasks[ti].id = pid
                    reused.add(ti)
        for ti, t in enumerate(tasks):
            if ti not in reused:
                t.id = self.next_id(f"{rng.choice(SLUG_WORDS)}-{rng.choice(SLUG_WORDS)}")

        # chapters -> task files
        sizes = _split(rng, n_tasks, n_chapters)
        pos = 0
        chapter_rows: list[tuple[str, str, str, int]] = []
        for ci, ((chid, title, subtitle), size) in enumerate(zip(chapters, sizes, strict=True)):
            chunk = tasks[pos : pos + size]
            pos += size
            chapter_rows.append((chid, title, subtitle, size))
            out = [f"chapter: {chid}"]
            if size >= 2 and rng.random() < 0.4:
                n_sec = min(size, rng.randint(2, 4))
                sec_sizes = _split(rng, size, n_sec)
                titles = rng.sample(SECTION_TITLES, n_sec)
                out.append("sections:")
                spos = 0
                for stitle, ssize in zip(titles, sec_sizes, strict=True):
                    out.append(f"  - title: {q(stitle)}")
                    out.append("    tasks:")
                    for t in chunk[spos : spos + ssize]:
                        _write_task(out, t, "      ")
                    spos += ssize
            else:
                out.append("tasks:")
                for t in chunk:
                    _write_task(out, t, "  ")
            files[f"tasks/{ci + 1:02d}-{chid}.yaml"] = "\n".join(out) + "\n"

        # parts -> case files
        psizes = _split(rng, n_cases, n_parts)
        pos = 0
        for pi, ((paid, _title, _sub), size) in enumerate(zip(parts, psizes, strict=True)):
            out = [f"part: {paid}", "cases:"]
            for c in cases[pos : pos + size]:
                _write_case(out, c)
            pos += size
            files[f"cases/{pi + 1:02d}-{paid}.yaml"] = "\n".join(out) + "\n"

        # indicator systems
        n_sys = 1 if n_ind < 8 or rng.random() < 0.5 else 2
        sys_sizes = _split(rng, n_ind, n_sys)
        pos = 0
        dim_pool = rng.sample(DIMENSIONS, len(DIMENSIONS))
        for si, ssize in enumerate(sys_sizes):
            sid = f"index-{year}" if si == 0 else f"targets-{year + 1}"
            staged = index == 0 and si == 0
            out = [
                f"id: {sid}",
                "title: " + q("国际城市战略指标体系" if si == 0 else f"{year + 1}年国际化目标"),
            ]
            if staged:
                out.append(f"stages: {flow_list(STAGES)}")
            if rng.random() < 0.5:
                out.append(f"benchmark_places: {flow_list(rng.sample(reg.cities, 2))}")
            if rng.random() < 0.5:
                out.append(f"source: {rng.choice(source_ids)}")
            out.append("dimensions:")
            n_dim = min(ssize, rng.randint(3, 6), len(dim_pool))
            dims, dim_pool = dim_pool[:n_dim], dim_pool[n_dim:]
            for (did, dtitle), dsize in zip(dims, _split(rng, ssize, n_dim), strict=True):
                out.append(f"  - id: {did}")
                out.append(f"    title: {q(dtitle)}")
                out.append("    indicators:")
                for iid, ititle, unit, mag in ind_rows[pos : pos + dsize]:
                    base = round(mag * rng.uniform(0.3, 0.7), 1 if mag < 50 else 0)
                    out.append(f"      - id: {iid}")
                    out.append(f"        title: {q(ititle)}")
                    out.append(f"        unit: {q(unit)}")
                    out.append(
                        "        baseline: " + flow_map([("year", year - 1), ("value", _num(base))])
                    )
                    if staged:
                        out.append(
                            "        targets: "
                            + flow_map(
                                [
                                    (s, _num(round(base * f, 1)))
                                    for s, f in zip(STAGES, (1.2, 1.5, 2.0), strict=True)
                                ]
                            )
                        )
                    else:
                        out.append(
                            f"        targets: {{{year + 1}: "
                            f"{_num(round(base * rng.uniform(1.1, 1.6), 1))}}}"
                        )
                pos += dsize
            files[f"indicators/{sid}.yaml"] = "\n".join(out) + "\n"

        # declared figures: exactly what the sources hold
        benchmarked = sum(1 for t in tasks if t.cases or t.benchmarks)
        case_cities = {p for c in cases for p in c.places if p in reg.country_of}
        case_countries = {reg.country_of[p] for p in case_cities}
        n_refs = sum(len(c.references) for c in cases)
        month, day = rng.randint(3, 7), rng.randint(1, 28)
        plan = [
            "planc: 1",
            f"round: {name}",
            "title: " + q(f'青岛市推进"国际化+"行动计划({year}/{year + 1}年)'),
            "issuer: 青岛市国际城市战略推进委员会",
            f"issued: {year}-{month:02d}-{day:02d}",
            "phase: " + q(["起步夯基期", "重点突破期", "实施开展期", "全面提升期"][index % 4]),
            "goal: " + q('建设"开放、现代、活力、时尚"的国际大都市'),
        ]
        if previous is not None:
            plan.append(f"previous: {previous.name}")
        plan.append("edition: official")
        plan.append("sources:")
        for sid, stitle, publisher, date in sources:
            plan.append(
                "  - "
                + flow_map(
                    [("id", sid), ("title", stitle), ("publisher", publisher), ("date", Raw(date))]
                )
            )
        plan += [
            "declared:",
            f"  tasks: {n_tasks}",
            f"  benchmarked_tasks: {benchmarked}",
            f"  cases: {n_cases}",
            f"  case_countries: {len(case_countries)}",
            f"  case_cities: {len(case_cities)}",
            f"  indicators: {n_ind}",
            f"  references: {n_refs}",
            "chapters:",
        ]
        for chid, title, subtitle, size in chapter_rows:
            plan.append(
                "  - "
                + flow_map(
                    [
                        ("id", chid),
                        ("title", title),
                        ("subtitle", subtitle),
                        ("declared_tasks", size),
                    ]
                )
            )
        plan += [
            "handbook:",
            "  title: " + q(f'"国际化+"行动计划({year}/{year + 1}年)对标案例指导手册'),
            "  parts:",
        ]
        for paid, ptitle, _sub in parts:
            plan.append("    - " + flow_map([("id", paid), ("title", ptitle)]))
        files["plan.yaml"] = "\n".join(plan) + "\n"

        return RoundOutput(name, files, [t.id for t in tasks], n_tasks, n_cases, n_ind)


_CITY_NAMES: dict[str, str] = {
    cid: cname
    for table in (COUNTRIES, REGIONS_OF_CHINA)
    for _c, _n, _e, cities in table
    for cid, cname, _ in cities
}


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _write_task(out: list[str], t: Task, ind: str) -> None:
    out.append(f"{ind}- id: {t.id}")
    sub = ind + "  "
    out.append(f"{sub}number: {t.number}")
    out.append(f"{sub}title: {q(t.title)}")
    if t.text is not None:
        out.append(f"{sub}text: {q(t.text)}")
    out.append(f"{sub}lead: [{t.lead}]")
    out.append(f"{sub}partners: [{', '.join(t.partners)}]")
    if t.indicators:
        out.append(f"{sub}indicators: [{', '.join(t.indicators)}]")
    if t.cases:
        out.append(f"{sub}cases: [{', '.join(t.cases)}]")
    if t.benchmarks:
        out.append(f"{sub}benchmarks: [{', '.join(t.benchmarks)}]")
    if t.continues is not None:
        out.append(f"{sub}continues: {t.continues}")
    if t.due is not None:
        out.append(f"{sub}due: {t.due}")
    out.append(f"{sub}source: {t.source}")


def _write_case(out: list[str], c: Case) -> None:
    out.append(f"  - id: {c.id}")
    out.append(f"    title: {q(c.title)}")
    out.append(f"    places: [{', '.join(c.places)}]")
    out.append(f"    summary: {q(c.summary)}")
    out.append("    practices:")
    for p in c.practices:
        out.append(f"      - {q(p)}")
    if c.references:
        out.append("    references:")
        for ref in c.references:
            out.append(f"      - {flow_map(ref)}")
    if c.source is not None:
        out.append(f"    source: {c.source}")


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


@dataclass
class Summary:
    rounds: list[str]
    tasks: int
    cases: int
    indicators: int
    files: int


def generate(out_dir: Path, n_tasks: int, n_rounds: int = 4, seed: int = 1) -> Summary:
    """Write a synthetic plans folder to `out_dir` (which may exist) and return its totals."""
    if n_rounds < 1:
        raise ValueError("--rounds must be at least 1")
    if n_tasks < 2 * n_rounds:
        raise ValueError("--tasks must be at least twice --rounds (every round needs a case)")
    gen = Generator(seed)
    written: dict[str, str] = {
        "registry/places.yaml": gen.registry.places_yaml,
        "registry/units.yaml": gen.registry.units_yaml,
    }
    previous: RoundOutput | None = None
    rounds: list[RoundOutput] = []
    for index, (nt, nc) in enumerate(
        zip(_even(n_tasks, n_rounds), _even(n_tasks // 2, n_rounds), strict=True)
    ):
        previous = gen.round(index, nt, nc, previous)
        rounds.append(previous)
        for rel, text in previous.files.items():
            written[f"{previous.name}/{rel}"] = text
    for sub in sorted({str(Path(rel).parent) for rel in written}):
        (out_dir / sub).mkdir(parents=True, exist_ok=True)
    for rel, text in written.items():
        (out_dir / rel).write_text(text, encoding="utf-8", newline="\n")
    return Summary(
        rounds=[r.name for r in rounds],
        tasks=sum(r.n_tasks for r in rounds),
        cases=sum(r.n_cases for r in rounds),
        indicators=sum(r.n_indicators for r in rounds),
        files=len(written),
    )


_ROUND_DIR = re.compile(r"^\d{4}-\d{4}$")


def _clear(out_dir: Path) -> None:
    """Remove what an earlier run of this generator wrote (registry/ and round folders only)."""
    for child in out_dir.iterdir():
        if child.is_dir() and (child.name == "registry" or _ROUND_DIR.match(child.name)):
            shutil.rmtree(child)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a synthetic, valid planc plans folder (registry + biennial rounds).",
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder to write")
    parser.add_argument(
        "--tasks",
        type=int,
        required=True,
        metavar="N",
        help="total tasks over all rounds (cases: N/2); at least 2*ROUNDS",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        metavar="R",
        help="number of biennial rounds from 2016-2017 (default 4)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="OUT_DIR may be non-empty: replace registry/ and round folders",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)

    out_dir: Path = args.out_dir
    if out_dir.exists():
        if not out_dir.is_dir():
            parser.error(f"{out_dir} exists and is not a folder")
        if any(out_dir.iterdir()):
            if not args.force:
                parser.error(f"{out_dir} is not empty (use --force to replace generated content)")
            _clear(out_dir)
    start = time.perf_counter()
    try:
        summary = generate(out_dir, args.tasks, args.rounds, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.quiet:
        print(
            f"wrote {summary.tasks} tasks, {summary.cases} cases, {summary.indicators} indicators "
            f"in {len(summary.rounds)} rounds ({summary.rounds[0]}..{summary.rounds[-1]}), "
            f"{summary.files} files, to {out_dir} in {time.perf_counter() - start:.2f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
