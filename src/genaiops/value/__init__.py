"""Value: feedback, value KPIs and ROI next to cost."""
