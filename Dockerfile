# hrdash behind sign-in, with the database and its nightly backups on volumes:
#   docker build -t hrdash .
#   docker run -p 8501:8501 -v hrdash-data:/data -v /srv/backup/hrdash:/backup \
#       -v "$PWD/secrets.toml:/app/.streamlit/secrets.toml:ro" -e HRDASH_ADMINS=it@kommun.se hrdash
# Without a secrets.toml with an [auth] section the container refuses to start.
FROM python:3.11-slim-bookworm

# The nightly backup runs at HRDASH_BACKUP_TIME in the local time of TZ: the zone database.
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*

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

RUN useradd --create-home hrdash && mkdir /data /backup && chown hrdash /data /backup
USER hrdash
# hrdash serve runs Streamlit as production wants it and logs one line per event to stdout.
ENV HRDASH_DB=/data/hr.duckdb \
    HRDASH_ENV=production \
    HRDASH_BACKUP_DIR=/backup \
    HRDASH_BACKUP_TIME=02:00 \
    HRDASH_BACKUP_KEEP=14 \
    TZ=Europe/Stockholm \
    PYTHONUNBUFFERED=1
VOLUME ["/data", "/backup"]
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["hrdash", "serve", "--port", "8501"]
