{{/* What every bundled server shares: non-root, no privilege escalation, no capabilities. Their
     images write beside their data at start-up, so their root file systems stay writable. */}}
{{- define "aiaas.infraSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ .uid }}
  runAsGroup: {{ .uid }}
  fsGroup: {{ .uid }}
  seccompProfile: {type: RuntimeDefault}
{{- end -}}
{{- define "aiaas.infraContainerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  capabilities: {drop: [ALL]}
{{- end -}}
