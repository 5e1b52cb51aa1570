# hrdash behind sign-in, with the database on a volume:
#   docker build -t hrdash .
#   docker run -p 8501:8501 -v hrdash-data:/data \
#       -v "$PWD/secrets.toml:/app/.streamlit/secrets.toml:ro" -e HRDASH_ADMINS=it@kommun.se hrdash
# Without a secrets.toml with an [auth] section the container refuses to start.
FROM python:3.11-slim-bookworm

# No browser: the report's charts are drawn in-process (matplotlib), and DejaVu ships inside hrdash.
WORKDIR /app
COPY pyproject.toml README.md app.py ./
COPY hrdash ./hrdash
COPY pages ./pages
COPY queries ./queries
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY data/demo ./data/demo
# Editable, so that the package finds app.py, pages/ and queries/ beside it in /app.
RUN pip install --no-cache-dir -e .

RUN useradd --create-home hrdash && mkdir /data && chown hrdash /data
USER hrdash
ENV HRDASH_DB=/data/hr.duckdb \
    HRDASH_ENV=production \
    PYTHONUNBUFFERED=1
VOLUME ["/data"]
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["hrdash", "serve", "--port", "8501"]
