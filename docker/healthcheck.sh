#!/bin/bash
# Healthy when the service says it is ready on its management interface: GET /q/health/ready on
# QUARKUS_MANAGEMENT_PORT, else the service's default management port. Bash alone (no curl in the
# JRE image).
set -u
case "${AIAAS_SERVICE:-}" in
  ingest) default=18181 ;; preprocess) default=18182 ;; training) default=18183 ;;
  registry) default=18184 ;; serving) default=18185 ;; monitoring) default=18186 ;;
  *) echo "AIAAS_SERVICE is not one of the six services" >&2; exit 1 ;;
esac
port="${QUARKUS_MANAGEMENT_PORT:-$default}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status <&3 || exit 1
[[ "$status" == *" 200 "* ]]
