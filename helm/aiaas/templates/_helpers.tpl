{{/* The six services: API port (gRPC and REST share it), management port (health, metrics),
     and what each one needs. */}}
{{- define "aiaas.services" -}}
ingest: {port: 18081, management: 18181, database: true, storage: true}
preprocess: {port: 18082, management: 18182, database: false, storage: true}
training: {port: 18083, management: 18183, database: true, storage: true}
registry: {port: 18084, management: 18184, database: true, storage: true}
serving: {port: 18085, management: 18185, database: true, storage: true}
monitoring: {port: 18086, management: 18186, database: true, storage: true}
{{- end -}}

{{- define "aiaas.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one component: aiaas.component (dict "root" $ "name" "serving") */}}
{{- define "aiaas.component" -}}
{{- printf "%s-%s" (include "aiaas.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aiaas.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "aiaas.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "aiaas.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "aiaas.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Secret names: the operator's, or the chart's own. */}}
{{- define "aiaas.credentialsSecret" -}}
{{- default (printf "%s-credentials" (include "aiaas.fullname" .)) .Values.existingSecret -}}
{{- end -}}
{{- define "aiaas.keysSecret" -}}
{{- default (printf "%s-keys" (include "aiaas.fullname" .)) .Values.auth.existingServiceKeySecret -}}
{{- end -}}
{{- define "aiaas.tlsSecret" -}}
{{- default (printf "%s-tls" (include "aiaas.fullname" .)) .Values.tls.existingSecret -}}
{{- end -}}

{{/* Where the infrastructure is. */}}
{{- define "aiaas.kafkaBootstrap" -}}
{{- if .Values.kafka.bundled -}}
{{- printf "%s:9092" (include "aiaas.component" (dict "root" . "name" "kafka")) -}}
{{- else -}}
{{- required "kafka.bootstrapServers: name your brokers (or set kafka.bundled=true for a trial)" .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}
{{- define "aiaas.jdbcUrl" -}}
{{- if .Values.postgresql.bundled -}}
{{- printf "jdbc:postgresql://%s:5432/aiaas" (include "aiaas.component" (dict "root" . "name" "postgresql")) -}}
{{- else -}}
{{- required "postgresql.jdbcUrl: name your database (or set postgresql.bundled=true for a trial)" .Values.postgresql.jdbcUrl -}}
{{- end -}}
{{- end -}}
{{- define "aiaas.storageEndpoint" -}}
{{- if .Values.objectStore.bundled -}}
{{- printf "http://%s:9000" (include "aiaas.component" (dict "root" . "name" "minio")) -}}
{{- else -}}
{{- required "objectStore.endpoint: name your S3 endpoint (or set objectStore.bundled=true for a trial)" .Values.objectStore.endpoint -}}
{{- end -}}
{{- end -}}

{{/* The image of a service: aiaas.image (dict "root" $ "name" "training" "values" $values "suffix" "") */}}
{{- define "aiaas.image" -}}
{{- $image := .values.image | default dict -}}
{{- $repository := default (printf "%s-%s" .root.Values.image.repository .name) $image.repository -}}
{{- if .root.Values.image.registry -}}
{{- $repository = printf "%s/%s" .root.Values.image.registry $repository -}}
{{- end -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) $image.tag -}}
{{- printf "%s:%s%s" $repository $tag .suffix -}}
{{- end -}}

{{/* A persisted random value: the one stored in the release's Secret when it exists (so that an
     upgrade keeps it), else a new one. aiaas.keep (dict "root" $ "secret" name "key" k "new" value) */}}
{{- define "aiaas.keep" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- if and $existing (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- .new -}}
{{- end -}}
{{- end -}}

{{/* Where the services read the key of user tokens: the OIDC provider's JWKS URL as given; a PEM
     given in values from a ConfigMap; the trial key the chart generated from the keys Secret. */}}
{{- define "aiaas.tokenPublicKeyLocation" -}}
{{- $key := .Values.auth.tokenPublicKey -}}
{{- if or (hasPrefix "https://" $key) (hasPrefix "http://" $key) -}}
{{- $key -}}
{{- else if $key -}}
/etc/aiaas/token/token-public.pem
{{- else -}}
/etc/aiaas/keys/token-public.pem
{{- end -}}
{{- end -}}

{{/* The ConfigMap holding a PEM user-token key given in values; empty when there is none. */}}
{{- define "aiaas.tokenKeyConfigMap" -}}
{{- $key := .Values.auth.tokenPublicKey -}}
{{- if and $key (not (hasPrefix "https://" $key)) (not (hasPrefix "http://" $key)) -}}
{{- printf "%s-token-key" (include "aiaas.fullname" .) -}}
{{- end -}}
{{- end -}}
