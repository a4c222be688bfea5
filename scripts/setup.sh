# Shared set-up for the README's two commands (sourced, not run): the Debian packages planc
# needs, then a virtual environment in .venv with planc installed in it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

# What planc needs from Debian, and why:
#   python3-venv            the virtual environment (Debian splits ensurepip out of python3)
#   fonts-noto-cjk          Noto Serif/Sans CJK SC: the last fallback of every role
#   fonts-noto-cjk-extra    Noto Serif CJK SC Black: the cover title (小标宋 role) when the
#                           office's 方正小标宋简体 is not installed
#   fonts-lxgw-wenkai fonts-arphic-gkai00mp   楷体 faces for the 二级 headings
#   fontconfig              fc-match, which planc asks whether those fonts are installed
#   libharfbuzz-subset0     fast font subsetting in WeasyPrint (fontTools is ~20x slower)
#   libpango-1.0-0 libpangoft2-1.0-0   WeasyPrint's text layout
SYSTEM_PACKAGES=(python3-venv fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai
    fonts-arphic-gkai00mp fontconfig libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0)
# For the tests: pdftotext/pdftoppm, a browser, LibreOffice Calc (headless), which proves a
# real spreadsheet program reads the consultation forms, LibreOffice Writer, which converts
# the Word edition to PDF for the typographic audit, and strace, which shows that planc verify
# opens nothing outside a tampered release.
TEST_PACKAGES=(poppler-utils chromium libreoffice-calc libreoffice-writer strace)

say() { printf 'planc setup: %s\n' "$*" >&2; }

need_system() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian system; make sure these are installed: $*"
        return 0
    fi
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        say "missing system packages: ${missing[*]}"
        say "install them first:  sudo apt-get install ${missing[*]}"
        exit 1
    fi
}

need_venv() {  # extras: "" or "test"
    # The Python packages come from a lock with every version and hash fixed (scripts/lock
    # writes it from pyproject.toml): a fresh machine next month installs the same bytes.
    local lock="$ROOT/requirements${1:+-$1}.lock" hash have
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating the virtual environment in .venv"
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the lock or pyproject.toml changed: a second run starts in a second.
    # The stamp holds the hash of what was installed.
    # The test lock holds the runtime one, so a set-up for the tests also serves scripts/build.
    hash="$(cat "$lock" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
    have="$(cat "$VENV/.planc-installed" 2>/dev/null || true)"
    local tested
    tested="$(cat "$ROOT/requirements-test.lock" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
    if [ "$have" != "$hash" ] && { [ -n "${1:-}" ] || [ "$have" != "$tested" ]; }; then
        say "installing planc and its locked Python packages into .venv"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
            --no-deps -r "$lock"
        # compat mode: a plain path entry, not an import hook that costs every run 12 ms.
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
            --config-settings editable_mode=compat -e "$ROOT"
        echo "$hash" >"$VENV/.planc-installed"
    fi
    # planc's bytecode, compiled here once: where PYTHONDONTWRITEBYTECODE is set (some shells
    # and CI images) Python cannot keep what it compiles, and would compile every module again
    # on every run (0.1 s of a 0.2 s check). Quick when nothing changed.
    "$VENV/bin/python" -m compileall -q "$ROOT/planc" >/dev/null
}

# The Fandol faces (仿宋, 楷体, 黑体, 宋体; GPL with the font exception) ship only inside
# Debian's texlive-lang-chinese. Take the four font files out of that package without
# installing TeX: download it, unpack it aside, copy the fonts where fontconfig looks.
FANDOL_FACES=(FandolFang-Regular FandolKai-Regular FandolHei-Regular FandolSong-Regular)

need_fandol() {
    local have=1 face dir tmp listed
    # One fc-list, then grep the text: `fc-list | grep -q` would fail under pipefail when grep
    # stops reading early.
    listed="$(fc-list 2>/dev/null || true)"
    for face in "${FANDOL_FACES[@]}"; do
        grep -q "$face" <<<"$listed" || have=0
    done
    [ $have -eq 1 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        dir=/usr/local/share/fonts/fandol
    else
        dir="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/fandol"
    fi
    if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
        say "the Fandol fonts are missing: copy ${FANDOL_FACES[*]/%/.otf} into $dir"
        say "(they are in texlive-lang-chinese; without them the PDFs use Noto faces)"
        return 0
    fi
    say "installing the Fandol fonts from texlive-lang-chinese into $dir (TeX not installed)"
    tmp=$(mktemp -d) && chmod 755 "$tmp"  # apt downloads as _apt
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese >/dev/null 2>&1 \
        && dpkg-deb -x texlive-lang-chinese_*.deb unpacked) || {
        rm -rf "$tmp"
        say "could not download texlive-lang-chinese; the PDFs use the Noto faces instead"
        return 0
    }
    mkdir -p "$dir"
    for face in "${FANDOL_FACES[@]}"; do
        cp "$tmp"/unpacked/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"$face".otf "$dir/"
    done
    rm -rf "$tmp"
    fc-cache -f "$dir" >/dev/null
}
