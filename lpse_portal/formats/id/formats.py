"""Indonesian formats without the month-first input formats of Django's own "id" locale.

Django's locale accepts "10/25/2009" as 25 October; "05/06/2025" would silently become
6 May. Only day-first input is accepted here (ISO yyyy-mm-dd, which date pickers send,
is unambiguous and is always accepted by Django).
"""

DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
FIRST_DAY_OF_WEEK = 1  # Senin

DATE_INPUT_FORMATS = [
    "%d-%m-%Y",  # '25-10-2009'
    "%d/%m/%Y",  # '25/10/2009'
    "%d %b %Y",  # '25 Okt 2009'
    "%d %B %Y",  # '25 Oktober 2009'
]
TIME_INPUT_FORMATS = ["%H.%M.%S", "%H.%M", "%H:%M:%S", "%H:%M"]
DATETIME_INPUT_FORMATS = [
    "%d-%m-%Y %H.%M.%S",
    "%d-%m-%Y %H.%M",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d/%m/%Y %H:%M",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
