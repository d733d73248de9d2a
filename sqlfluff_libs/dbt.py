"""Stand-ins for dbt's cross-database macros, for sqlfluff's jinja templater only.

sqlfluff lints with the fast jinja templater (see .sqlfluff), which does not know dbt's `dbt.`
namespace; these functions render plausible SQL so models can call `{{ dbt.type_string() }}`,
`{{ dbt.dateadd(...) }}` etc. exactly as dbt wants them. dbt itself never reads this file.
"""


def type_string():
    return "varchar"


def type_int():
    return "integer"


def type_bigint():
    return "bigint"


def type_boolean():
    return "boolean"


def type_numeric():
    return "numeric(28, 6)"


def type_float():
    return "double"


def type_timestamp():
    return "timestamp"


def dateadd(datepart, interval, from_date_or_timestamp):
    return f"date_add({from_date_or_timestamp}, interval ({interval}) {datepart})"


def datediff(first_date, second_date, datepart):
    return f"date_diff('{datepart}', {first_date}, {second_date})"


def date_trunc(datepart, date):
    return f"date_trunc('{datepart}', {date})"


def last_day(date, datepart):
    return f"last_day({date})"


def concat(fields):
    return "concat(" + ", ".join(fields) + ")"


def hash(field):  # noqa: A001 - dbt's name
    return f"md5(cast({field} as varchar))"


def safe_cast(field, type):  # noqa: A002 - dbt's name
    return f"try_cast({field} as {type})"


def cast(field, type):  # noqa: A002 - dbt's name
    return f"cast({field} as {type})"


def current_timestamp():
    return "current_timestamp"


def split_part(string_text, delimiter_text, part_number):
    return f"split_part({string_text}, {delimiter_text}, {part_number})"


def any_value(expression):
    return f"any_value({expression})"


def bool_or(expression):
    return f"bool_or({expression})"


def listagg(measure, delimiter_text="','", order_by_clause=None, limit_num=None):
    return f"string_agg({measure}, {delimiter_text})"


def string_literal(value):
    return f"'{value}'"


def date(year, month, day):
    return f"date '{year:04d}-{month:02d}-{day:02d}'"
