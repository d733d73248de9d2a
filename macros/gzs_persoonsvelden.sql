{#- The (mart, column) pairs of the gemeentezorgspiegel__* marts, as built, whose column is a
    person-level field of the sources or the intermediate models (persoon_id, geboortedatum, a claim
    line's fields, ...); for the singular test assert_gemeentezorgspiegel_geen_persoonsgegevens. Reads
    the columns from the warehouse, so it returns [] at parse time. -#}
{% macro gzs_persoonsvelden_in_marts() -%}
    {%- set persoonsvelden = [
        'persoon_id', 'geboortedatum', 'leeftijd', 'geslacht', 'regel_id', 'rijnummer', 'aanlevering_id',
        'begindatum', 'einddatum', 'bedrag', 'ddd', 'atc_code', 'diagnosecode', 'prestatiecode'
    ] -%}
    {%- set fouten = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values()
            if node.resource_type == 'model' and node.name.startswith('gemeentezorgspiegel__') -%}
            {%- set relatie = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
            {%- for kolom in adapter.get_columns_in_relation(relatie) -%}
                {%- if kolom.name | lower in persoonsvelden -%}
                    {%- do fouten.append([node.name, kolom.name | lower]) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(fouten) }}
{%- endmacro %}
