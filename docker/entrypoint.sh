#!/bin/sh
# Starts the service the image holds: the Quarkus fast-jar in /app (AIAAS_APP_DIR elsewhere), with
# JAVA_OPTS. Extra properties can be mounted at /app/config/application.properties.
set -e
cd "${AIAAS_APP_DIR:-/app}"
exec java ${JAVA_OPTS:-} -jar quarkus-run.jar "$@"
