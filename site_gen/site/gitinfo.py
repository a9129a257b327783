"""The git facts the site shows live in :mod:`site_gen.gitinfo` (read by the load side); kept under this name
for the site's modules and tests that import it from here."""

from site_gen.gitinfo import SEPARATOR, Change, GitInfo, parse, read

__all__ = ["SEPARATOR", "Change", "GitInfo", "parse", "read"]
