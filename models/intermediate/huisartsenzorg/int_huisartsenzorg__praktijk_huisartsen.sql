{#-
    The GPs counted at each GP practice (onderneming) per year: providers with a kwalificatie in
    var huisarts_kwalificaties (default ['0101']) active at a vestiging of the practice on 1 July
    of the year, with sex, age on 30 June and whether that age is 60 or over. Rules in the yml.
-#}
{%- set huisarts_kwalificaties = hz_huisarts_kwalificaties() -%}
{%- set kwalificatie_lijst = "'" ~ huisarts_kwalificaties | join("', '") ~ "'" -%}

with jaren as (

    select distinct
        jaar,
        {{ make_date('jaar', 7, 1) }} as peildatum_1_juli,
        {{ make_date('jaar', 6, 30) }} as peildatum_30_juni
    from {{ ref('int_personen__jaar') }}

),

werkzaam as (

    select distinct
        jaren.jaar,
        jaren.peildatum_30_juni,
        zv.onderneming_agb as praktijk_agb,
        zv.zorgverlener_agb
    from {{ ref('int_agb__zorgverlener_vestiging') }} as zv
    inner join jaren
        on {{ agb_actief_op('zv', 'jaren.peildatum_1_juli') }}
    where zv.kwalificatiecode in ({{ kwalificatie_lijst }})

),

-- Sex and birth date of the provider: the latest register snapshot; should it hold several rows
-- of one provider, the one with the latest begindatum.
zorgverleners as (

    select
        zorgverlener_agb,
        geslacht,
        geboortedatum,
        row_number() over (partition by zorgverlener_agb order by begindatum desc) as volgorde
    from ({{ laatste_agb_snapshot('stg_agb_register__zorgverleners') }}) as register

),

met_leeftijd as (

    select
        werkzaam.jaar,
        werkzaam.praktijk_agb,
        werkzaam.zorgverlener_agb,
        zorgverleners.geslacht,
        {{ leeftijd_op('zorgverleners.geboortedatum', 'werkzaam.peildatum_30_juni') }} as leeftijd
    from werkzaam
    left join zorgverleners
        on
            werkzaam.zorgverlener_agb = zorgverleners.zorgverlener_agb
            and zorgverleners.volgorde = 1

)

select
    met_leeftijd.jaar,
    met_leeftijd.praktijk_agb,
    met_leeftijd.zorgverlener_agb,
    met_leeftijd.geslacht,
    met_leeftijd.leeftijd,
    leeftijdsklassen.leeftijdsklasse,
    met_leeftijd.leeftijd >= 60 as is_60_plus
from met_leeftijd
left join {{ ref('leeftijdsklassen') }} as leeftijdsklassen
    on met_leeftijd.leeftijd between leeftijdsklassen.leeftijd_van and leeftijdsklassen.leeftijd_tot
