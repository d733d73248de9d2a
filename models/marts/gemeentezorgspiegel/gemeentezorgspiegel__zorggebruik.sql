{#- Gemeentezorgspiegel, Zorggebruik: care use and costs per year, region, domain (Zvw, Wlz, Wmo,
    Jeugdwet) and category, with the national figures for comparison (crude and standardised to the
    region's age/sex mix). Published through macro gzs_gepubliceerd: suppression over the regions and
    the categories of a domain whose costs add up to the domain total; a cell whose population is
    suppressed in gemeentezorgspiegel__inwoners is suppressed too. Rules in the yml. -#}
{%- set maten = [
    'inwoners', 'kosten', 'gebruikers_per_1000_inwoners', 'kosten_per_inwoner',
    'landelijk_gestandaardiseerd_gebruikers_per_1000_inwoners', 'landelijk_gestandaardiseerd_kosten_per_inwoner'
] -%}

with {{ gzs_gepubliceerd(
    'int_gemeentezorgspiegel__cellen_zorggebruik', ['jaar', 'domein'], maten, 'categorie', '(totaal)',
    landelijk=['gebruikers_per_1000_inwoners', 'kosten_per_inwoner'], populatie='(alle)'
) }}

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.domein as {{ dbt.type_string() }}) as domein,
    cast(cel.categorie as {{ dbt.type_string() }}) as categorie,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.inwoners as {{ dbt.type_bigint() }}) as inwoners,
    cast(cel.kosten as decimal(18, 2)) as kosten,
    cast(cel.gebruikers_per_1000_inwoners as decimal(14, 1)) as gebruikers_per_1000_inwoners,
    cast(cel.kosten_per_inwoner as decimal(14, 2)) as kosten_per_inwoner,
    cast(cel.landelijk_gebruikers_per_1000_inwoners as decimal(14, 1)) as landelijk_gebruikers_per_1000_inwoners,
    cast(cel.landelijk_kosten_per_inwoner as decimal(14, 2)) as landelijk_kosten_per_inwoner,
    cast(
        case
            when cel.landelijk_gebruikers_per_1000_inwoners is not null
                then cel.landelijk_gestandaardiseerd_gebruikers_per_1000_inwoners
        end
        as decimal(14, 1)
    ) as landelijk_gestandaardiseerd_gebruikers_per_1000_inwoners,
    cast(
        case
            when cel.landelijk_kosten_per_inwoner is not null
                then cel.landelijk_gestandaardiseerd_kosten_per_inwoner
        end
        as decimal(14, 2)
    ) as landelijk_gestandaardiseerd_kosten_per_inwoner,
    cel.is_onderdrukt
from gzs_gepubliceerd as cel
