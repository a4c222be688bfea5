"""planc: a plan compiler for Qingdao's biennial 国际化+ action plans."""

__version__ = "0.1.0"
