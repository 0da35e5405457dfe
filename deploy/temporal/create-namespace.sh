#!/bin/sh
# The namespace the app runs in, once the Temporal server answers (with the `temporal` CLI, in the
# temporalio/admin-tools image). Closed journeys' histories are kept RETENTION (default 30 days).
set -eu
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
ADDRESS=${TEMPORAL_ADDRESS:-temporal:7233}
RETENTION=${RETENTION:-720h}
tries=0
until temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "create-namespace: the Temporal server at $ADDRESS did not answer in 2 minutes" >&2
    exit 1
  fi
  [ $((tries % 10)) -eq 1 ] && echo "create-namespace: waiting for the Temporal server at $ADDRESS…"
  sleep 2
done
if temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" >/dev/null 2>&1; then
  echo "create-namespace: namespace $NAMESPACE already there"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION" --address "$ADDRESS"
  echo "create-namespace: namespace $NAMESPACE created (retention $RETENTION)"
fi
