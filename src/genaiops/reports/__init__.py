"""Reports for people: pages made of sections that the rooms contribute
(:mod:`genaiops.reports.page`, :mod:`genaiops.reports.sections`)."""
