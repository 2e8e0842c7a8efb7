# Lagoon's start-up step in the nginx image, installed as /docker-entrypoint.d/15-lagoon.envsh: the image's
# entrypoint sources *.envsh files, so what is exported here reaches its template step (20-envsubst-on-templates),
# which writes deploy/nginx/lagoon.conf.template into /etc/nginx/conf.d/. POSIX sh (busybox in nginx:alpine).
#
#   LAGOON_CONFIG_JSON   the whole config.json, written over the built one (or mount a file at $LAGOON_ROOT/config.json)
#   LAGOON_CLUSTERS      space-separated origins the app may call: each OSCAR cluster and its MinIO/S3
#   LAGOON_DEMO_ORIGIN   the in-page demo cluster's origin (default https://demo.lagoon.test; empty to leave it out)
#   LAGOON_PORT          port to listen on (default 8080);  LAGOON_ROOT  the built app (default /usr/share/nginx/html)
# Exports LAGOON_CONNECT_SRC: those origins plus every URL origin in config.json and prometheus.json.

LAGOON_ROOT="${LAGOON_ROOT:-/usr/share/nginx/html}"
LAGOON_PORT="${LAGOON_PORT:-8080}"
export LAGOON_ROOT LAGOON_PORT

if [ -n "${LAGOON_CONFIG_JSON:-}" ]; then
    printf '%s\n' "$LAGOON_CONFIG_JSON" > "$LAGOON_ROOT/config.json"
fi

lagoon_origins() {
    [ -r "$1" ] || return 0
    grep -Eo '"https?://[^/"[:space:]]+' "$1" | tr -d '"'
}

LAGOON_CONNECT_SRC=$(
    for o in ${LAGOON_CLUSTERS:-} ${LAGOON_DEMO_ORIGIN-https://demo.lagoon.test}; do echo "$o"; done
    lagoon_origins "$LAGOON_ROOT/config.json"
    lagoon_origins "$LAGOON_ROOT/prometheus.json"
)
LAGOON_CONNECT_SRC=$(printf '%s\n' "$LAGOON_CONNECT_SRC" | grep -Ev '[;"'"'"']' | sed 's#/*$##' | sort -u | tr '\n' ' ' | sed 's/ *$//')
export LAGOON_CONNECT_SRC
