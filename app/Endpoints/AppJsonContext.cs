using System.Text.Json;
using System.Text.Json.Serialization;

namespace FargateService.Endpoints;

/// <summary>
/// Source-generated JSON for every type the service writes or reads: no reflection, so the
/// Native AOT binary needs no runtime metadata for them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServiceInfo))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(TaskMetadataDocument))]
public sealed partial class AppJsonContext : JsonSerializerContext;
