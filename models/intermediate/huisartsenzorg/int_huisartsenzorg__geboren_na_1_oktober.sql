{#-
    Per person: birth year and whether the person was born from 1 October of that year on (in its
    fourth quarter), for the Q1-of-the-next-year rule of int_huisartsenzorg__inschrijving.
    The birth date itself never leaves this model. Rules in the yml.
-#}
with verzekerden as (

    select
        persoon_id,
        geboortedatum,
        row_number() over (
            partition by persoon_id
            order by leveringsjaar desc, begindatum desc, geboortedatum asc
        ) as volgorde
    from {{ ref('stg_zvw_verzekerden__verzekerden') }}
    where geboortedatum is not null

)

select
    persoon_id,
    cast(extract(year from geboortedatum) as {{ dbt.type_int() }}) as geboortejaar,
    extract(month from geboortedatum) >= 10 as geboren_na_1_oktober
from verzekerden
where volgorde = 1
