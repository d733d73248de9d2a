-- In every raw table a row is identified by (aanlevering_id, rijnummer): a delivery has one
-- file per table and rijnummer is the row's number in that file, so the same pair twice means a
-- delivery was loaded twice or its rows were numbered wrongly by the ingest.
-- Returns the duplicated (tabel, aanlevering_id, rijnummer) groups; no rows = pass.
-- Written out per table (no dbt_utils in this project); add a union branch for a new raw table.
select
    'agb_register__zorgverleners' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('agb_register', 'zorgverleners') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'agb_register__ondernemingen' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('agb_register', 'ondernemingen') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'agb_register__vestigingen' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('agb_register', 'vestigingen') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'agb_register__werkrelaties' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('agb_register', 'werkrelaties') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'agb_register__kwalificaties' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('agb_register', 'kwalificaties') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'zvw_verzekerden__verzekerden' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('zvw_verzekerden', 'verzekerden') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'zvw_declaraties__declaraties' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('zvw_declaraties', 'declaraties') }}
-- tens of millions of rows: in a monthly run only the new deliveries (var nieuwe_declaraties_vanaf)
where periode >= '{{ var("nieuwe_declaraties_vanaf") }}'
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'wlz_zorg__wlz_zorg' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('wlz_zorg', 'wlz_zorg') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'wmo_voorzieningen__wmo_voorzieningen' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('wmo_voorzieningen', 'wmo_voorzieningen') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'jeugdwet_trajecten__jeugdwet_trajecten' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('jeugdwet_trajecten', 'jeugdwet_trajecten') }}
group by aanlevering_id, rijnummer
having count(*) > 1

union all

select
    'ggz_wachttijden__ggz_wachttijden' as tabel,
    aanlevering_id,
    rijnummer,
    count(*) as aantal
from {{ source('ggz_wachttijden', 'ggz_wachttijden') }}
group by aanlevering_id, rijnummer
having count(*) > 1
