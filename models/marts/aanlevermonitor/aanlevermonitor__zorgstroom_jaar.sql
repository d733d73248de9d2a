{#-
    The Aanlevermonitor's claims completeness: per care stream (zorgstroom) and treatment year how
    much of the eventual amount has been received by now. The estimate is the rule of
    int_declaraties__volledigheid; this mart adds the stream's description and line.
-#}

with volledigheid as (

    select
        zorgstroom,
        behandeljaar,
        maanden_na_jaareinde,
        bedrag_ontvangen,
        verwachte_volledigheid,
        volledigheid_methode,
        geschat_eindbedrag,
        is_uitgedeclareerd
    from {{ ref('int_declaraties__volledigheid') }}

),

zorgstromen as (

    select
        zorgstroom,
        omschrijving,
        lijn
    from {{ ref('zorgstromen') }}

)

select
    cast(volledigheid.zorgstroom as {{ dbt.type_string() }}) as zorgstroom,
    cast(zorgstromen.omschrijving as {{ dbt.type_string() }}) as zorgstroom_omschrijving,
    cast(zorgstromen.lijn as {{ dbt.type_string() }}) as lijn,
    cast(volledigheid.behandeljaar as {{ dbt.type_int() }}) as behandeljaar,
    cast(volledigheid.maanden_na_jaareinde as {{ dbt.type_int() }}) as maanden_na_jaareinde,
    cast(volledigheid.bedrag_ontvangen as decimal(16, 2)) as bedrag_ontvangen,
    cast(volledigheid.verwachte_volledigheid as decimal(10, 6)) as verwachte_volledigheid,
    cast(volledigheid.volledigheid_methode as {{ dbt.type_string() }}) as volledigheid_methode,
    cast(volledigheid.geschat_eindbedrag as decimal(16, 2)) as geschat_eindbedrag,
    volledigheid.is_uitgedeclareerd
from volledigheid
left join zorgstromen
    on volledigheid.zorgstroom = zorgstromen.zorgstroom
