"""site-gen: field visits, inspections and remediation of a Youth Union committee, as data."""

__version__ = "0.1.0"
