"""One plain function per command; cli.py only parses options and calls these."""
