#!/usr/bin/env bash
# Installs what bench/run.sh uses, on Debian 12 or Ubuntu (run as root): the peers (nginx, HAProxy,
# hitch, stunnel), the load generators (wrk; ab from apache2-utils; h2load from nghttp2-client, optional),
# openssl, gnuplot for the chart, and the small tools the script calls.
# In containers the packages' own services usually do not start; on a real system, nginx and HAProxy
# may start on their default ports: bench/run.sh does not need them (stop them if you like).
# A JDK 25 for the "wrapper-25" peer is not installed here: put one under /usr/lib/jvm/ or set JAVA25.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y nginx haproxy hitch stunnel4 wrk apache2-utils nghttp2-client \
  openssl curl gnuplot-nox iproute2 procps
