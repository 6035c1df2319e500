using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Todo.Server;
using Todo.Server.Data;
using Todo.Tests.Data;
using Todo.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Todo.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests (deploy/kubernetes), rendered per overlay with <c>kubectl kustomize</c>, checked against the
/// server itself: every environment variable is a setting it reads, the probes are routes it maps and answers, the
/// port is the image's, the migration runs its real <c>db migrate</c>, and each overlay has the shape its database
/// allows (one copy on SQLite, several on PostgreSQL).
/// </summary>
public sealed partial class KustomizeRenderTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string HttpPort = "8080";

    /// <summary>Variables ASP.NET Core itself reads (the host's settings), not the application's.</summary>
    private static readonly HashSet<string> HostVariables = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
    };

    private static readonly string[] ProbeKinds = ["startupProbe", "livenessProbe", "readinessProbe"];

    public static TheoryData<string> Overlays => ["sqlite-demo", "postgres"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryEnvironmentVariableIsASettingTheServerReads(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var settings = ServerSettings();
        var unknown = new List<string>();

        foreach (var (workload, container) in Containers(manifests))
        {
            foreach (var env in Array(container["env"]))
            {
                var name = (string)env!["name"]!;
                if (!HostVariables.Contains(name) && !settings.Contains(name.Replace("__", ":", StringComparison.Ordinal)))
                {
                    unknown.Add($"{workload}/{container["name"]}: {name}");
                }
            }
        }

        Assert.True(unknown.Count == 0,
            $"not a setting the server reads: {string.Join(", ", unknown)}\nknown: {string.Join(", ", settings.Order(StringComparer.Ordinal))}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ProbesAreRoutesTheServerAnswersOnItsPort(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var server = ServerContainer(manifests);
        var client = api.CreateClient();

        var probes = ProbeKinds
            .Select(kind => (kind, probe: server[kind] ?? throw new Xunit.Sdk.XunitException($"{overlay}: the server has no {kind}")))
            .ToList();
        Assert.Equal("/health/live", (string?)server["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)server["readinessProbe"]!["httpGet"]!["path"]);
        foreach (var (kind, probe) in probes)
        {
            var path = (string)probe["httpGet"]!["path"]!;
            Assert.Equal(HttpPort, ResolvePort(server, probe["httpGet"]!["port"]!));
            using var answer = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(answer.IsSuccessStatusCode, $"{overlay}: {kind} GET {path} answered {(int)answer.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheServerListensOnTheImagesPortAndTheServiceIngressAndNetworkPolicyReachIt(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var server = ServerContainer(manifests);
        var dockerfile = File.ReadAllText(Path.Combine(TodoCli.RepoRoot, "Dockerfile"));

        Assert.Matches($@"\bASPNETCORE_HTTP_PORTS={HttpPort}\b", dockerfile);
        Assert.Matches($@"(?m)^EXPOSE {HttpPort}$", dockerfile);
        Assert.Equal(HttpPort, ResolvePort(server, JsonValue.Create("http")));
        var ports = Array(server["env"]).Where(e => (string?)e!["name"] == "ASPNETCORE_HTTP_PORTS").Select(e => (string?)e!["value"]).ToList();
        Assert.All(ports, value => Assert.Equal(HttpPort, value));

        var service = Single(manifests, "Service");
        var servicePort = Array(service["spec"]!["ports"]).Single()!;
        Assert.Equal(HttpPort, ResolvePort(server, servicePort["targetPort"]!));
        Assert.True(Matches(service["spec"]!["selector"], PodLabels(Single(manifests, "Deployment"))), "the Service selects no server pod");

        var ingress = Single(manifests, "Ingress");
        var backend = Array(Array(ingress["spec"]!["rules"]).Single()!["http"]!["paths"]).Single()!["backend"]!["service"]!;
        Assert.Equal((string?)service["metadata"]!["name"], (string?)backend["name"]);
        Assert.Equal((string?)servicePort["name"], (string?)backend["port"]!["name"]);
        var annotations = ingress["metadata"]!["annotations"]!;
        Assert.Equal("cookie", (string?)annotations["nginx.ingress.kubernetes.io/affinity"]);
        Assert.Equal("off", (string?)annotations["nginx.ingress.kubernetes.io/proxy-buffering"]);

        var policy = Single(manifests, "NetworkPolicy");
        Assert.True(Matches(policy["spec"]!["podSelector"]!["matchLabels"], PodLabels(Single(manifests, "Deployment"))), "the NetworkPolicy selects no server pod");
        var admitted = Array(policy["spec"]!["ingress"]).SelectMany(rule => Array(rule!["ports"])).Select(p => p!["port"]!.ToString()).ToList();
        Assert.Contains(HttpPort, admitted);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheMigrationRunsTheServersRealDbMigrateCommand(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var migrations = Containers(manifests)
            .Where(c => Array(c.Container["args"]).Select(a => (string?)a).FirstOrDefault() == "db")
            .ToList();

        var (workload, container) = Assert.Single(migrations);
        Assert.Null(container["command"]); // the image's entrypoint: the server executable
        var args = Array(container["args"]).Select(a => (string)a!).ToArray();
        Assert.Equal(["db", "migrate"], args);
        Assert.True(ServerCommands.IsCommand(args));
        Assert.Equal((string?)ServerContainer(manifests)["image"], (string?)container["image"]);
        if (overlay == "sqlite-demo")
        {
            Assert.Equal("Deployment", workload); // an init container next to the server, on its volume
            Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "Job");
        }
        else
        {
            Assert.Equal("Job", workload);
            Assert.Equal("Never", (string?)Single(manifests, "Job")["spec"]!["template"]!["spec"]!["restartPolicy"]);
            Assert.Equal("false", Value(ServerContainer(manifests), "Database__MigrateOnStart"));
        }

        var sqlite = Path.Combine(Directory.CreateTempSubdirectory("todo-kustomize-").FullName, "todo.db");
        try
        {
            var cli = ServerEnvironment.Cli($"Data Source={sqlite}");
            var result = await cli.RunAsync(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith("Applied:", result.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(sqlite)!, recursive: true);
        }
    }

    [Fact]
    public async Task SqliteDemoIsOneCopyOnAPersistentVolumeReplacedNotRolled()
    {
        var manifests = await RenderAsync("sqlite-demo");
        var deployment = Single(manifests, "Deployment");
        var server = ServerContainer(manifests);

        Assert.Equal(1, (int?)Number(deployment["spec"]!["replicas"]));
        Assert.Equal("Recreate", (string?)deployment["spec"]!["strategy"]!["type"]);
        Assert.Null(deployment["spec"]!["strategy"]!["rollingUpdate"]);
        Assert.All(manifests.Where(m => (string?)m["kind"] == "HorizontalPodAutoscaler"),
            hpa => Assert.Equal(1, (int?)Number(hpa["spec"]!["maxReplicas"])));

        var connection = Value(server, "ConnectionStrings__Todo");
        Assert.NotNull(connection);
        var resolved = DatabaseConnection.Resolve(connection, "/app");
        Assert.Equal(DatabaseProvider.Sqlite, resolved.Provider);
        var mount = Array(server["volumeMounts"]).Single(m => (string?)m!["mountPath"] == "/data")!;
        Assert.StartsWith("/data/", Regex.Match(connection, "Data Source=([^;]+)").Groups[1].Value, StringComparison.Ordinal);
        var volume = Array(deployment["spec"]!["template"]!["spec"]!["volumes"]).Single(v => (string?)v!["name"] == (string?)mount["name"])!;
        var claim = (string?)volume["persistentVolumeClaim"]!["claimName"];
        Assert.Contains(manifests, m => (string?)m["kind"] == "PersistentVolumeClaim" && (string?)m["metadata"]!["name"] == claim);
    }

    [Fact]
    public async Task PostgresRunsSeveralCopiesOnPostgresWithSecretsReferenced()
    {
        var manifests = await RenderAsync("postgres");
        var deployment = Single(manifests, "Deployment");
        var server = ServerContainer(manifests);

        Assert.True(Number(deployment["spec"]!["replicas"]) > 1, "postgres runs one copy");
        var hpa = Single(manifests, "HorizontalPodAutoscaler");
        Assert.True(Number(hpa["spec"]!["minReplicas"]) > 1 && Number(hpa["spec"]!["maxReplicas"]) >= Number(hpa["spec"]!["minReplicas"]));
        Assert.Equal((string?)deployment["metadata"]!["name"], (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);
        var pdb = Single(manifests, "PodDisruptionBudget");
        Assert.True(Matches(pdb["spec"]!["selector"]!["matchLabels"], PodLabels(deployment)), "the PodDisruptionBudget selects no server pod");
        Assert.Equal("RollingUpdate", (string?)deployment["spec"]!["strategy"]!["type"]);

        foreach (var secret in new[] { "ConnectionStrings__Todo", "Auth__SigningKey" })
        {
            var env = Array(server["env"]).Single(e => (string?)e!["name"] == secret)!;
            Assert.Null(env["value"]);
            Assert.NotNull(env["valueFrom"]!["secretKeyRef"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task PodsRunAsTheImagesNonRootUserOnAReadOnlyRootAndNoSecretIsWrittenDown(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var dockerfile = File.ReadAllText(Path.Combine(TodoCli.RepoRoot, "Dockerfile"));
        var imageUser = Regex.Match(dockerfile, @"(?m)^ARG APP_UID=(\d+)$").Groups[1].Value;
        Assert.NotEqual("", imageUser);
        Assert.Matches(@"(?m)^USER \$\{APP_UID\}:\$\{APP_UID\}$", dockerfile);

        Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "Secret");
        foreach (var workload in manifests.Where(m => (string?)m["kind"] is "Deployment" or "Job"))
        {
            var pod = workload["spec"]!["template"]!["spec"]!;
            Assert.True((bool?)Boolean(pod["securityContext"]!["runAsNonRoot"]), $"{workload["kind"]}: runAsNonRoot");
            Assert.Equal(imageUser, pod["securityContext"]!["runAsUser"]!.ToString());
            Assert.False((bool?)Boolean(pod["automountServiceAccountToken"]));
            foreach (var container in Array(pod["containers"]).Concat(Array(pod["initContainers"])))
            {
                Assert.True((bool?)Boolean(container!["securityContext"]!["readOnlyRootFilesystem"]), $"{container["name"]}: readOnlyRootFilesystem");
                Assert.False((bool?)Boolean(container["securityContext"]!["allowPrivilegeEscalation"]), $"{container["name"]}: allowPrivilegeEscalation");
                Assert.NotNull(container["resources"]!["requests"]);
                Assert.NotNull(container["resources"]!["limits"]!["memory"]);
            }
        }
    }

    // --- rendering -------------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, Task<List<JsonNode>>> Rendered = [];

    private static Task<List<JsonNode>> RenderAsync(string overlay)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(overlay, out var task))
            {
                Rendered[overlay] = task = RenderOnceAsync(overlay);
            }

            return task;
        }
    }

    private static async Task<List<JsonNode>> RenderOnceAsync(string overlay)
    {
        var directory = Path.Combine(TodoCli.RepoRoot, "deploy", "kubernetes", "overlays", overlay);
        CliResult result;
        try
        {
            result = await ProcessRunner.RunAsync("kubectl", ["kustomize", directory], timeout: TimeSpan.FromSeconds(60));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "kubectl is needed to render deploy/kubernetes (kubectl kustomize, no cluster): install kubectl " +
                "(https://kubernetes.io/docs/tasks/tools/) and rerun. " + e.Message, e);
        }

        Assert.True(result.ExitCode == 0, $"kubectl kustomize {directory}: {result}");
        var stream = new YamlStream();
        stream.Load(new StringReader(result.StdOut));
        var documents = stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonNode>().ToList();
        Assert.NotEmpty(documents);
        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Value: "null" or "~" or "", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    // --- the server's settings -------------------------------------------------------------------------------------

    /// <summary>
    /// Every configuration key the server reads: the options classes bound to a section (a <c>Section</c> constant and
    /// their settable properties), the connection string, and the keys of appsettings.json.
    /// </summary>
    private static HashSet<string> ServerSettings()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal) { DatabaseConnection.SettingName };
        foreach (var type in typeof(DatabaseOptions).Assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field &&
                field.GetRawConstantValue() is string section)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
                {
                    settings.Add($"{section}:{property.Name}");
                }
            }
        }

        using var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(TodoCli.ServerProjectDirectory, "appsettings.json")));
        AddLeaves(appsettings.RootElement, "", settings);
        return settings;
    }

    private static void AddLeaves(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            keys.Add(prefix);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            AddLeaves(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
        }
    }

    // --- navigation ------------------------------------------------------------------------------------------------

    private static JsonNode Single(List<JsonNode> manifests, string kind)
    {
        var matches = manifests.Where(m => (string?)m["kind"] == kind).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind}, found {matches.Count}");
        return matches[0];
    }

    private static IEnumerable<(string Workload, JsonNode Container)> Containers(List<JsonNode> manifests) =>
        manifests.Where(m => (string?)m["kind"] is "Deployment" or "Job")
            .SelectMany(m => Array(m["spec"]!["template"]!["spec"]!["containers"])
                .Concat(Array(m["spec"]!["template"]!["spec"]!["initContainers"]))
                .Select(c => ((string)m["kind"]!, c!)));

    private static JsonNode ServerContainer(List<JsonNode> manifests) =>
        Array(Single(manifests, "Deployment")["spec"]!["template"]!["spec"]!["containers"]).Single()!;

    private static JsonNode? PodLabels(JsonNode deployment) => deployment["spec"]!["template"]!["metadata"]!["labels"];

    private static bool Matches(JsonNode? selector, JsonNode? labels) =>
        selector is JsonObject wanted && wanted.Count > 0 && labels is JsonObject have &&
        wanted.All(pair => (string?)have[pair.Key] == (string?)pair.Value);

    /// <summary>A port given by number or by the name of one of the container's ports, as its number.</summary>
    private static string ResolvePort(JsonNode container, JsonNode port)
    {
        var text = port.ToString();
        return text.All(char.IsAsciiDigit)
            ? text
            : Array(container["ports"]).Single(p => (string?)p!["name"] == text)!["containerPort"]!.ToString();
    }

    private static string? Value(JsonNode container, string name) =>
        (string?)Array(container["env"]).SingleOrDefault(e => (string?)e!["name"] == name)?["value"];

    private static IEnumerable<JsonNode?> Array(JsonNode? node) => node as JsonArray ?? [];

    private static int? Number(JsonNode? node) => node is null ? null : int.Parse(node.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool? Boolean(JsonNode? node) => node is null ? null : bool.Parse(node.ToString());
}
