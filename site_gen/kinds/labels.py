"""The labels of the schemas' enums that the export tables show (all from the schemas: :mod:`site_gen.labels`)."""

from site_gen.labels import labels

LEVEL = labels("level")
UNIT_TYPE = labels("unit_type")
LOCALITY_LEVEL = labels("locality_level")
DISADVANTAGED = labels("disadvantaged")
ROLE_GROUP = labels("role_group")
MEMBERSHIP = labels("membership")
SESSION = labels("session", "short")  # "Sáng", not "Buổi sáng": the column is already "Buổi".
RESULT_STATUS = labels("result_status")
CLASSIFICATION = labels("classification")
COMPLETION = labels("completion")
PROSPECT = labels("prospect")
RECURRING = labels("recurring")
PERIOD = labels("period")
PROGRESS_STATUS = labels("progress_status")
REORGANISATION_CHANGE = labels("reorganisation_change")
