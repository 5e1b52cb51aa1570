"""Charts of the figures. trend.py says what a trend chart shows; interactive.py draws the pages'
charts with plotly, static.py the reports' with matplotlib (no browser needed); style.py is the
look they share."""
