-- Gemeentezorgspiegel: no mart holds a person-level field. Checks the columns of every
-- gemeentezorgspiegel__* mart (as built) against the person-level fields of the sources and the
-- intermediate models; returns one row per offending column. A mart with a new column of that kind
-- fails here even when its contract was updated with it.
-- depends_on: {{ ref('gemeentezorgspiegel__inwoners') }} {{ ref('gemeentezorgspiegel__zorggebruik') }}
-- depends_on: {{ ref('gemeentezorgspiegel__fkg') }} {{ ref('gemeentezorgspiegel__ggz_wachttijden') }}
-- depends_on: {{ ref('gemeentezorgspiegel__epa') }} {{ ref('gemeentezorgspiegel__crisis_ggz') }}
-- depends_on: {{ ref('gemeentezorgspiegel__dementie') }}
{%- set fouten = gzs_persoonsvelden_in_marts() %}

select
    mart,
    kolom
from (
    select
        cast(null as {{ dbt.type_string() }}) as mart,
        cast(null as {{ dbt.type_string() }}) as kolom
    {%- for mart, kolom in fouten %}
        union all
        select
            '{{ mart }}' as mart,
            '{{ kolom }}' as kolom
    {%- endfor %}
) as kolommen
where mart is not null
