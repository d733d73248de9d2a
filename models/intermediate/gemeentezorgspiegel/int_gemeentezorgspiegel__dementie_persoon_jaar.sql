{#-
    The persons with dementia per year and whether they live at home (no Wlz care in an institution
    in the year): a dementia diagnosis on a current Zvw claim line (msz or GGZ), dementia medication
    (FKG) or a Wlz dementia profile (seed dementie_kenmerken). The one place of the dementia rule.
    Rules in the yml.
-#}
with dementie_diagnosen as (

    select diagnosecode
    from {{ ref('msz_diagnosen') }}
    where is_dementie
    union all
    select diagnosegroep as diagnosecode
    from {{ ref('ggz_diagnosegroepen') }}
    where is_dementie

),

kenmerken as (

    select
        bron,
        code
    from {{ ref('dementie_kenmerken') }}

),

wlz as (

    select
        cast(substring(leveringsmaand, 1, 4) as {{ dbt.type_int() }}) as jaar,
        persoon_id,
        zorgprofiel,
        leveringsvorm
    from ({{ laatste_aanlevering('stg_wlz_zorg__wlz_zorg', 'leveringsmaand') }}) as wlz_zorg

),

signalen as (

    select distinct
        declaraties.behandeljaar as jaar,
        declaraties.persoon_id,
        'diagnose' as signaal
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join dementie_diagnosen
        on declaraties.diagnosecode = dementie_diagnosen.diagnosecode

    union all

    select distinct
        fkg.jaar,
        fkg.persoon_id,
        'medicatie' as signaal
    from {{ ref('int_farmacie__fkg_persoon_jaar') }} as fkg
    inner join kenmerken
        on
            fkg.fkg = kenmerken.code
            and kenmerken.bron = 'fkg'

    union all

    select distinct
        wlz.jaar,
        wlz.persoon_id,
        'wlz_profiel' as signaal
    from wlz
    inner join kenmerken
        on
            wlz.zorgprofiel = kenmerken.code
            and kenmerken.bron = 'wlz_zorgprofiel'

),

instelling as (

    select distinct
        jaar,
        persoon_id
    from wlz
    where leveringsvorm = 'instelling'

)

select
    signalen.jaar,
    signalen.persoon_id,
    max(case when signalen.signaal = 'diagnose' then 1 else 0 end) = 1 as heeft_diagnose,
    max(case when signalen.signaal = 'medicatie' then 1 else 0 end) = 1 as heeft_medicatie,
    max(case when signalen.signaal = 'wlz_profiel' then 1 else 0 end) = 1 as heeft_wlz_profiel,
    max(case when instelling.persoon_id is null then 1 else 0 end) = 1 as is_thuiswonend
from signalen
left join instelling
    on
        signalen.jaar = instelling.jaar
        and signalen.persoon_id = instelling.persoon_id
group by signalen.jaar, signalen.persoon_id
