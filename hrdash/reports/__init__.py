"""The monthly committee report as one model (model.py), rendered as PDF, Excel workbook,
slides and PowerPoint. A report is committee-facing: it always reads suppressed figures."""
