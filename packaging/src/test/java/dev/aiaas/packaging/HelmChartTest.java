package dev.aiaas.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import dev.aiaas.security.Caller;
import dev.aiaas.security.PemKeys;
import dev.aiaas.security.ServiceTokens;
import dev.aiaas.security.TokenKeys;
import dev.aiaas.security.TokenSigner;
import dev.aiaas.security.TokenVerifier;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart renders, for a trial and for production shapes, workloads a cluster would run as
 * intended: probes, resources and a non-root security context on every one, a GPU only where
 * asked for, the environment each service reads, and keys and certificates the services can use.
 */
class HelmChartTest {

    private static final String ALL_VALUES = "defaults,existing-infrastructure,gpu,tls";

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "existing-infrastructure", "gpu", "tls"})
    void lintsCleanWithEveryValuesFile(String values) {
        LintResult lint = Chart.lint(values, work);

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "existing-infrastructure", "gpu", "tls"})
    void everyWorkloadHasProbesResourcesAndRunsAsNonRootWithoutPrivilege(String values) {
        Map<String, PodTemplateSpec> workloads = Chart.render(values).workloads();
        List<String> wrong = new ArrayList<>();

        workloads.forEach((name, pod) -> {
            if (!Boolean.TRUE.equals(pod.getSpec().getSecurityContext().getRunAsNonRoot())) {
                wrong.add(name + " may run as root");
            }
            for (Container container : pod.getSpec().getContainers()) {
                String where = name + "/" + container.getName();
                if (container.getReadinessProbe() == null || container.getLivenessProbe() == null) {
                    wrong.add(where + " lacks a readiness or liveness probe");
                }
                var resources = container.getResources();
                if (resources == null || resources.getRequests() == null
                        || !resources.getRequests().keySet().containsAll(List.of("cpu", "memory"))
                        || resources.getLimits() == null || !resources.getLimits().containsKey("memory")) {
                    wrong.add(where + " lacks cpu and memory requests or a memory limit: " + resources);
                }
                var security = container.getSecurityContext();
                if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                        || !security.getCapabilities().getDrop().contains("ALL")) {
                    wrong.add(where + " may escalate privileges or keeps capabilities");
                }
            }
        });

        assertThat(workloads).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDefaultsRenderTheSixServicesWithGrpcLivenessAndReadinessAndBundledInfrastructure() {
        RenderedChart chart = Chart.render("defaults");

        assertThat(chart.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceSettings.SERVICES.stream().map(s -> "acme-aiaas-" + s)
                        .toList());
        for (String service : ServiceSettings.SERVICES) {
            Container container = chart.service(service);
            int port = container.getPorts().stream().filter(p -> p.getName().equals("api")).findFirst().orElseThrow()
                    .getContainerPort();
            assertThat(container.getLivenessProbe().getGrpc().getPort()).as(service).isEqualTo(port);
            assertThat(container.getLivenessProbe().getGrpc().getService()).as("the server itself").isNull();
            assertThat(container.getReadinessProbe().getGrpc().getPort()).isEqualTo(port);
            assertThat(container.getReadinessProbe().getGrpc().getService()).isEqualTo("aiaas.readiness");
            assertThat(container.getStartupProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
            assertThat(container.getImage()).isEqualTo("aiaas-" + service + ":0.1.0");
        }
        assertThat(chart.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("acme-aiaas-postgresql", "acme-aiaas-kafka", "acme-aiaas-minio");
        assertThat(chart.all(PodDisruptionBudget.class)).hasSize(6);
        HorizontalPodAutoscaler hpa = chart.named(HorizontalPodAutoscaler.class, "acme-aiaas-serving");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("acme-aiaas-serving");
        assertThat(chart.named(Deployment.class, "acme-aiaas-serving").getSpec().getReplicas())
                .as("the autoscaler sets serving's replicas").isNull();
        assertThat(chart.environment("training")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "acme-aiaas-kafka:9092")
                .containsEntry("AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR", "1")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:acme-aiaas-credentials/database-password");
        assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
        assertThat(chart.all(Ingress.class)).isEmpty();
    }

    @Test
    void everyServiceGetsEveryVariableItCannotStartWithoutAndNoneItDoesNotRead() {
        for (String values : ALL_VALUES.split(",")) {
            RenderedChart chart = Chart.render(values);
            for (String service : ServiceSettings.SERVICES) {
                Map<String, String> env = chart.environment(service);
                assertThat(env.keySet()).as("%s with %s: what it cannot start without", service, values)
                        .containsAll(ServiceSettings.required(service));
                assertThat(env.keySet().stream().filter(name -> !ServiceSettings.reads(service, name)).toList())
                        .as("%s with %s: variables it does not read", service, values).isEmpty();
            }
        }
    }

    @Test
    void onlyTrainingRequestsAGpuAndOnlyWhenEnabled() {
        RenderedChart gpu = Chart.render("gpu");
        Container training = gpu.service("training");
        var pod = gpu.named(Deployment.class, "acme-aiaas-training").getSpec().getTemplate().getSpec();

        assertThat(training.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(training.getImage()).isEqualTo("aiaas-training:0.1.0-cuda");
        assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(pod.getTolerations()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
        for (String values : ALL_VALUES.split(",")) {
            Chart.render(values).workloads().forEach((name, template) -> template.getSpec().getContainers()
                    .forEach(container -> {
                        boolean asked = values.equals("gpu") && name.equals("acme-aiaas-training");
                        var limits = container.getResources().getLimits();
                        assertThat(limits != null && limits.containsKey("nvidia.com/gpu"))
                                .as("%s with %s requests a GPU", name, values).isEqualTo(asked);
                    }));
        }
    }

    @Test
    void existingInfrastructureIsUsedAsNamedAndNothingIsBundledOrGenerated() {
        RenderedChart chart = Chart.render("existing-infrastructure");

        assertThat(chart.all(StatefulSet.class)).isEmpty();
        assertThat(chart.all(Secret.class)).as("the operator's secrets only").isEmpty();
        assertThat(chart.environment("serving"))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka.data:9093,kafka-1.kafka.data:9093,"
                        + "kafka-2.kafka.data:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:aiaas-kafka-sasl/sasl.jaas.config")
                .containsEntry("AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR", "3")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.data.svc:5432/aiaas")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "aiaas_app")
                .containsEntry("AIAAS_STORAGE_ENDPOINT", "https://s3.eu-west-1.amazonaws.com")
                .containsEntry("AIAAS_STORAGE_SECRET_KEY", "secret:aiaas-credentials/storage-secret-key")
                .containsEntry("AIAAS_TOKEN_PUBLIC_KEY",
                        "https://login.example.com/realms/acme/protocol/openid-connect/certs")
                .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4317");
        assertThat(chart.named(Deployment.class, "acme-aiaas-serving").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getSecret() == null ? null : v.getSecret().getSecretName())
                        .isEqualTo("aiaas-service-keys"));
        assertThat(chart.ofKind("ServiceMonitor")).hasSize(1);
        assertThat(chart.named(Ingress.class, "acme-aiaas-serving").getSpec().getRules().get(0).getHost())
                .isEqualTo("models.acme.example");
    }

    @Test
    void theGeneratedKeysSignAndVerifyTokensAsTheServicesDo() throws Exception {
        RenderedChart chart = Chart.render("defaults");
        Path keys = Files.createDirectories(work.resolve("keys"));
        for (String file : List.of("token-private.pem", "token-public.pem", "service-private.pem",
                "service-public.pem")) {
            Files.writeString(keys.resolve(file), chart.secretValue("acme-aiaas-keys", file));
        }
        TokenVerifier verifier = new TokenVerifier(new TokenKeys("aiaas-trial", keys.resolve("token-public.pem")
                .toString()), new TokenKeys(ServiceTokens.ISSUER, keys.resolve("service-public.pem").toString()));

        String user = TokenSigner.sign(PemKeys.readPrivate(keys.resolve("token-private.pem")), "aiaas-trial", "ana",
                List.of("default:editor"), Instant.now(), Instant.now().plusSeconds(600));
        String service = new ServiceTokens("training-service", ServiceTokens.ISSUER,
                PemKeys.readPrivate(keys.resolve("service-private.pem")), Duration.ofMinutes(5), Clock.systemUTC())
                .current();

        Caller ana = verifier.verify(user);
        assertThat(ana.subject()).isEqualTo("ana");
        assertThat(ana.service()).isFalse();
        assertThat(verifier.verify(service).service()).isTrue();
        assertThat(chart.secretValue("acme-aiaas-credentials", "storage-encryption-keys"))
                .matches("\\d{4}-\\d{2}:[A-Za-z0-9+/]{43}=");
        assertThat(chart.secretValue("acme-aiaas-credentials", "database-password")).hasSize(32);
        assertThat(Chart.render("defaults").secretValue("acme-aiaas-credentials", "database-password"))
                .as("each install its own").isNotEqualTo(chart.secretValue("acme-aiaas-credentials",
                        "database-password"));
    }

    @Test
    void anUpgradeKeepsTheCredentialsAndKeysTheInstallGenerated() {
        Map<String, String> installed = Map.of("database-password", "installed-db-password",
                "storage-access-key", "aiaas-installed", "storage-secret-key", "installed-secret",
                "storage-encryption-keys", "2026-01:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        Chart.CLUSTER.put(Chart.NAMESPACE, "acme-aiaas-credentials", installed);
        Chart.CLUSTER.put(Chart.NAMESPACE, "acme-aiaas-keys", Map.of("service-private.pem", "installed-private",
                "service-public.pem", "installed-public"));
        try {
            RenderedChart upgrade = Chart.render("defaults");

            installed.forEach((key, value) -> assertThat(upgrade.secretValue("acme-aiaas-credentials", key))
                    .as(key).isEqualTo(value));
            assertThat(upgrade.secretValue("acme-aiaas-keys", "service-private.pem")).isEqualTo("installed-private");
        } finally {
            Chart.CLUSTER.clear();
        }
    }

    @Test
    void withTlsEveryServiceServesItsCertificateVerifiesItsPeersAndIsProbedOverPlainManagement() throws Exception {
        RenderedChart chart = Chart.render("tls");
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                chart.secretValue("acme-aiaas-tls", "ca.crt").getBytes(StandardCharsets.US_ASCII)));
        X509Certificate server = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                chart.secretValue("acme-aiaas-tls", "tls.crt").getBytes(StandardCharsets.US_ASCII)));

        server.verify(ca.getPublicKey());
        List<String> names = server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))
                .toList();
        for (String service : ServiceSettings.SERVICES) {
            assertThat(names).contains("acme-aiaas-" + service, "acme-aiaas-" + service + ".ml.svc.cluster.local");
            Map<String, String> env = chart.environment(service);
            assertThat(env).containsEntry("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled")
                    .containsEntry("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "/etc/aiaas/tls/tls.crt")
                    .containsEntry("QUARKUS_GRPC_CLIENTS_REGISTRY_SSL_TRUST_STORE", "/etc/aiaas/tls/ca.crt")
                    .containsEntry("AIAAS_TOKEN_PUBLIC_KEY", "/etc/aiaas/token/token-public.pem")
                    .containsEntry("AIAAS_TOKEN_ISSUER", "https://id.example.com");
            assertThat(chart.service(service).getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(chart.service(service).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        }
        assertThat(chart.secretValue("acme-aiaas-keys", "service-private.pem")).contains("PRIVATE KEY");
        assertThat(chart.find(Secret.class, "acme-aiaas-keys").orElseThrow().getStringData())
                .as("no trial token key when one is given").doesNotContainKey("token-private.pem");
    }
}
