{#-
    The use measures of the Praktijkspiegel per counted patient and report year, in long format
    (jaar, persoon_id, maat, waarde), only non-zero values: the input of the standardisation
    (int_praktijkspiegel__verwacht). Rules in the yml.
-#}
with populatie as (

    select distinct
        jaar,
        persoon_id
    from {{ ref('int_praktijkspiegel__populatie') }}
    where is_meegeteld

),

-- Every current claim line of a counted patient in the year, of every care stream: costs and msz.
regels as (

    select
        declaraties.behandeljaar as jaar,
        declaraties.persoon_id,
        declaraties.zorgstroom,
        declaraties.bedrag
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join populatie
        on
            declaraties.behandeljaar = populatie.jaar
            and declaraties.persoon_id = populatie.persoon_id

),

-- MTVP consults (groep mtvp) and POH-GGZ consults (groep poh_ggz in or outside office hours; the
-- POH-GGZ module fee per registered patient per quarter, kantoortijden nvt, is not a consult), from
-- the GP tariff-code lines (int_huisartsenzorg__prestatieregels).
huisartscodes as (

    select
        prestatieregels.behandeljaar as jaar,
        prestatieregels.persoon_id,
        sum(case when prestatieregels.groep = 'mtvp' then prestatieregels.aantal else 0 end) as mtvp_consulten,
        sum(
            case
                when prestatieregels.groep = 'poh_ggz' and prestatieregels.kantoortijden != 'nvt'
                    then prestatieregels.aantal
                else 0
            end
        ) as poh_ggz_consulten
    from {{ ref('int_huisartsenzorg__prestatieregels') }} as prestatieregels
    inner join populatie
        on
            prestatieregels.behandeljaar = populatie.jaar
            and prestatieregels.persoon_id = populatie.persoon_id
    where prestatieregels.groep in ('mtvp', 'poh_ggz')
    group by prestatieregels.behandeljaar, prestatieregels.persoon_id

),

kosten as (

    select
        jaar,
        persoon_id,
        zorgstroom,
        sum(bedrag) as kosten
    from regels
    group by jaar, persoon_id, zorgstroom

),

-- Consults and visits in and outside office hours: the rule of the Dashboard huisartsenzorg.
contacten as (

    select
        contacten.jaar,
        contacten.persoon_id,
        contacten.consulten_binnen,
        contacten.consulten_buiten,
        contacten.visites_binnen,
        contacten.visites_buiten
    from {{ ref('int_huisartsenzorg__verzekerde_jaar') }} as contacten
    inner join populatie
        on
            contacten.jaar = populatie.jaar
            and contacten.persoon_id = populatie.persoon_id

),

fkg as (

    select distinct
        fkg.jaar,
        fkg.persoon_id
    from {{ ref('int_farmacie__fkg_persoon_jaar') }} as fkg
    inner join populatie
        on
            fkg.jaar = populatie.jaar
            and fkg.persoon_id = populatie.persoon_id

),

lang as (

    select
        jaar,
        persoon_id,
        'mtvp_patient' as maat,
        1 as waarde
    from huisartscodes
    where mtvp_consulten > 0

    union all

    select
        jaar,
        persoon_id,
        'poh_ggz_consulten' as maat,
        poh_ggz_consulten as waarde
    from huisartscodes

    union all

    select
        jaar,
        persoon_id,
        'consulten_binnen' as maat,
        consulten_binnen as waarde
    from contacten

    union all

    select
        jaar,
        persoon_id,
        'consulten_buiten' as maat,
        consulten_buiten as waarde
    from contacten

    union all

    select
        jaar,
        persoon_id,
        'visites_binnen' as maat,
        visites_binnen as waarde
    from contacten

    union all

    select
        jaar,
        persoon_id,
        'visites_buiten' as maat,
        visites_buiten as waarde
    from contacten

    union all

    select
        jaar,
        persoon_id,
        'fkg_patient' as maat,
        1 as waarde
    from fkg

    union all

    -- Any current hospital (msz) claim line in the year makes the person an msz patient.
    select
        jaar,
        persoon_id,
        'msz_patient' as maat,
        1 as waarde
    from kosten
    where zorgstroom = 'msz'

    union all

    select
        jaar,
        persoon_id,
        {{ dbt.concat(["'kosten_'", "zorgstroom"]) }} as maat,
        kosten as waarde
    from kosten

)

select
    jaar,
    persoon_id,
    maat,
    cast(waarde as {{ type_double() }}) as waarde
from lang
where waarde != 0
