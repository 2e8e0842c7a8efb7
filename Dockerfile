# Lagoon hosted on its own: nginx serving the build, with the SPA fallback, caching, precompressed files and
# security headers of deploy/nginx/lagoon.conf.template. See README "Deploy" and docs/decisions/007-deploy-modes.md.
#
#   docker build -t lagoon .
#   docker run -p 8080:8080 -e LAGOON_CLUSTERS="https://oscar.example.org https://minio.oscar.example.org" lagoon
#   docker run -p 8080:8080 -v $PWD/my-config.json:/usr/share/nginx/html/config.json:ro -e LAGOON_CLUSTERS=… lagoon
#
# (Inside an OSCAR cluster Lagoon is not this image: OSCAR's own Dockerfile builds it, see README.)
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && node scripts/precompress.mjs dist

FROM nginx:1.27-alpine
ENV LAGOON_PORT=8080 \
    LAGOON_ROOT=/usr/share/nginx/html \
    LAGOON_CLUSTERS="" \
    NGINX_ENVSUBST_FILTER=^LAGOON_
RUN rm -f /etc/nginx/conf.d/default.conf && rm -rf /usr/share/nginx/html/*
COPY deploy/nginx/lagoon.conf.template /etc/nginx/templates/default.conf.template
COPY deploy/docker-entrypoint.sh /docker-entrypoint.d/15-lagoon.envsh
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
