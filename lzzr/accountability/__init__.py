"""责任追究 (accountability): from an incident to the leaders who bear leadership
responsibility, the decision document, the 廉政档案 across years, the integrity opinion and
the 述职述廉 draft. Pure functions here and in trace.py; rendering in decision.py, dossier.py."""
