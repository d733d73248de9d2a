"""Praktijkspiegel: a GP practice's mirror (HTML with inline SVG charts, and PDF), read from the
four contracted marts ``marts.praktijkspiegel__*`` alone.

- ``data``: one practice's rows (parameterised SQL, ``where praktijk_agb = ?``), eligibility;
- ``view``: the report's rules (latest fully claimed year per indicator, first/second line costs)
  and Dutch number formats;
- ``charts``: inline SVG bar, pyramid and trend charts;
- ``render``: the Jinja2 HTML; ``pdf``: the PDF via headless Chromium;
- ``batch``: every eligible practice in parallel, with an index page;
- ``command``: the ``zorgspiegel praktijkspiegel`` click command.
"""
