//! What Terraform types and attributes mean in Azure terms: the canonical ARM
//! type of each azurerm resource, the attributes that map onto ARM
//! properties rules read, and what a reference to an attribute denotes.
//! Data, not logic: extend the tables to teach idlint a new type.

use crate::model::value::Attr;

/// azurerm resource/data type → canonical ARM type.
static TYPES: &[(&str, &str)] = &[
    (
        "azurerm_resource_group",
        "Microsoft.Resources/resourceGroups",
    ),
    ("azurerm_subscription", "Microsoft.Resources/subscriptions"),
    (
        "azurerm_management_group",
        "Microsoft.Management/managementGroups",
    ),
    (
        "azurerm_user_assigned_identity",
        "Microsoft.ManagedIdentity/userAssignedIdentities",
    ),
    (
        "azurerm_role_assignment",
        "Microsoft.Authorization/roleAssignments",
    ),
    (
        "azurerm_role_definition",
        "Microsoft.Authorization/roleDefinitions",
    ),
    (
        "azurerm_container_registry",
        "Microsoft.ContainerRegistry/registries",
    ),
    ("azurerm_linux_web_app", "Microsoft.Web/sites"),
    ("azurerm_windows_web_app", "Microsoft.Web/sites"),
    ("azurerm_linux_function_app", "Microsoft.Web/sites"),
    ("azurerm_windows_function_app", "Microsoft.Web/sites"),
    (
        "azurerm_function_app_flex_consumption",
        "Microsoft.Web/sites",
    ),
    ("azurerm_app_service", "Microsoft.Web/sites"),
    ("azurerm_function_app", "Microsoft.Web/sites"),
    ("azurerm_logic_app_standard", "Microsoft.Web/sites"),
    ("azurerm_linux_web_app_slot", "Microsoft.Web/sites/slots"),
    ("azurerm_windows_web_app_slot", "Microsoft.Web/sites/slots"),
    (
        "azurerm_linux_function_app_slot",
        "Microsoft.Web/sites/slots",
    ),
    (
        "azurerm_windows_function_app_slot",
        "Microsoft.Web/sites/slots",
    ),
    ("azurerm_app_service_slot", "Microsoft.Web/sites/slots"),
    ("azurerm_function_app_slot", "Microsoft.Web/sites/slots"),
    ("azurerm_service_plan", "Microsoft.Web/serverfarms"),
    ("azurerm_logic_app_workflow", "Microsoft.Logic/workflows"),
    ("azurerm_container_app", "Microsoft.App/containerApps"),
    ("azurerm_container_app_job", "Microsoft.App/jobs"),
    (
        "azurerm_container_app_environment",
        "Microsoft.App/managedEnvironments",
    ),
    (
        "azurerm_container_group",
        "Microsoft.ContainerInstance/containerGroups",
    ),
    (
        "azurerm_linux_virtual_machine",
        "Microsoft.Compute/virtualMachines",
    ),
    (
        "azurerm_windows_virtual_machine",
        "Microsoft.Compute/virtualMachines",
    ),
    (
        "azurerm_virtual_machine",
        "Microsoft.Compute/virtualMachines",
    ),
    (
        "azurerm_linux_virtual_machine_scale_set",
        "Microsoft.Compute/virtualMachineScaleSets",
    ),
    (
        "azurerm_windows_virtual_machine_scale_set",
        "Microsoft.Compute/virtualMachineScaleSets",
    ),
    (
        "azurerm_orchestrated_virtual_machine_scale_set",
        "Microsoft.Compute/virtualMachineScaleSets",
    ),
    (
        "azurerm_virtual_machine_extension",
        "Microsoft.Compute/virtualMachines/extensions",
    ),
    (
        "azurerm_kubernetes_cluster",
        "Microsoft.ContainerService/managedClusters",
    ),
    ("azurerm_data_factory", "Microsoft.DataFactory/factories"),
    ("azurerm_synapse_workspace", "Microsoft.Synapse/workspaces"),
    (
        "azurerm_databricks_access_connector",
        "Microsoft.Databricks/accessConnectors",
    ),
    (
        "azurerm_automation_account",
        "Microsoft.Automation/automationAccounts",
    ),
    ("azurerm_api_management", "Microsoft.ApiManagement/service"),
    (
        "azurerm_stream_analytics_job",
        "Microsoft.StreamAnalytics/streamingjobs",
    ),
    (
        "azurerm_machine_learning_workspace",
        "Microsoft.MachineLearningServices/workspaces",
    ),
    (
        "azurerm_storage_account",
        "Microsoft.Storage/storageAccounts",
    ),
    ("azurerm_key_vault", "Microsoft.KeyVault/vaults"),
    (
        "azurerm_key_vault_secret",
        "Microsoft.KeyVault/vaults/secrets",
    ),
    ("azurerm_key_vault_key", "Microsoft.KeyVault/vaults/keys"),
    ("azurerm_mssql_server", "Microsoft.Sql/servers"),
    ("azurerm_sql_server", "Microsoft.Sql/servers"),
    ("azurerm_mssql_database", "Microsoft.Sql/servers/databases"),
    (
        "azurerm_mssql_managed_instance",
        "Microsoft.Sql/managedInstances",
    ),
    (
        "azurerm_postgresql_flexible_server",
        "Microsoft.DBforPostgreSQL/flexibleServers",
    ),
    (
        "azurerm_postgresql_server",
        "Microsoft.DBforPostgreSQL/servers",
    ),
    (
        "azurerm_mysql_flexible_server",
        "Microsoft.DBforMySQL/flexibleServers",
    ),
    ("azurerm_mysql_server", "Microsoft.DBforMySQL/servers"),
    ("azurerm_mariadb_server", "Microsoft.DBforMariaDB/servers"),
    (
        "azurerm_servicebus_namespace",
        "Microsoft.ServiceBus/namespaces",
    ),
    (
        "azurerm_eventhub_namespace",
        "Microsoft.EventHub/namespaces",
    ),
    (
        "azurerm_cosmosdb_account",
        "Microsoft.DocumentDB/databaseAccounts",
    ),
    (
        "azurerm_cognitive_account",
        "Microsoft.CognitiveServices/accounts",
    ),
    (
        "azurerm_app_configuration",
        "Microsoft.AppConfiguration/configurationStores",
    ),
    ("azurerm_search_service", "Microsoft.Search/searchServices"),
    (
        "azurerm_application_insights",
        "Microsoft.Insights/components",
    ),
    ("azurerm_eventgrid_topic", "Microsoft.EventGrid/topics"),
    ("azurerm_eventgrid_domain", "Microsoft.EventGrid/domains"),
    (
        "azurerm_signalr_service",
        "Microsoft.SignalRService/signalR",
    ),
    ("azurerm_web_pubsub", "Microsoft.SignalRService/webPubSub"),
    ("azurerm_redis_cache", "Microsoft.Cache/redis"),
    (
        "azurerm_log_analytics_workspace",
        "Microsoft.OperationalInsights/workspaces",
    ),
];

/// Canonical ARM type of an azurerm type, if idlint knows it.
pub fn canonical_type(tf_type: &str) -> Option<&'static str> {
    TYPES.iter().find(|(t, _)| *t == tf_type).map(|(_, a)| *a)
}

/// How a Terraform attribute value becomes an ARM property value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    Same,
    /// `local_auth_enabled = false` ↔ `disableLocalAuth: true`.
    Negate,
}

/// (azurerm type, Terraform attribute, ARM property path, transform): the
/// properties rules read, so one rule serves both formats.
pub static PROPERTIES: &[(&str, &str, &str, Transform)] = &[
    (
        "azurerm_container_registry",
        "admin_enabled",
        "properties.adminUserEnabled",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "role_definition_id",
        "properties.roleDefinitionId",
        Transform::Same,
    ),
    // Terraform only: ARM has no role-by-name, the model keeps it under this name.
    (
        "azurerm_role_assignment",
        "role_definition_name",
        "properties.roleDefinitionName",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "principal_id",
        "properties.principalId",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "principal_type",
        "properties.principalType",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "condition",
        "properties.condition",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "condition_version",
        "properties.conditionVersion",
        Transform::Same,
    ),
    (
        "azurerm_role_assignment",
        "delegated_managed_identity_resource_id",
        "properties.delegatedManagedIdentityResourceId",
        Transform::Same,
    ),
    (
        "azurerm_role_definition",
        "name",
        "properties.roleName",
        Transform::Same,
    ),
    (
        "azurerm_role_definition",
        "assignable_scopes",
        "properties.assignableScopes",
        Transform::Same,
    ),
    (
        "azurerm_role_definition",
        "permissions",
        "properties.permissions",
        Transform::Same,
    ),
];

/// Attribute names of `permissions` blocks, Terraform → ARM.
pub static PERMISSION_FIELDS: &[(&str, &str)] = &[
    ("actions", "actions"),
    ("not_actions", "notActions"),
    ("data_actions", "dataActions"),
    ("not_data_actions", "notDataActions"),
];

/// Attributes that hold the parent resource's ID (slots, child resources).
pub fn parent_attr(tf_type: &str) -> Option<&'static str> {
    if tf_type.ends_with("_slot") && tf_type.starts_with("azurerm_") {
        return Some("app_service_id");
    }
    match tf_type {
        "azurerm_key_vault_secret" | "azurerm_key_vault_key" => Some("key_vault_id"),
        "azurerm_mssql_database" => Some("server_id"),
        "azurerm_virtual_machine_extension" => Some("virtual_machine_id"),
        _ => None,
    }
}

/// Attributes that return a key, password or connection string (RULES.md T6).
static SECRET_ATTRS: &[&str] = &[
    "primary_access_key",
    "secondary_access_key",
    "primary_connection_string",
    "secondary_connection_string",
    "primary_blob_connection_string",
    "secondary_blob_connection_string",
    "default_primary_connection_string",
    "default_secondary_connection_string",
    "default_primary_key",
    "default_secondary_key",
    "primary_key",
    "secondary_key",
    "primary_master_key",
    "secondary_master_key",
    "primary_readonly_master_key",
    "primary_shared_key",
    "secondary_shared_key",
    "primary_sql_connection_string",
    "admin_password",
    "kube_config_raw",
    "kube_admin_config_raw",
    "kube_config",
    "kube_admin_config",
    "instrumentation_key",
    "connection_string",
    "primary_write_key",
    "primary_read_key",
    "access_key",
];

/// What `TYPE.NAME.<path>` denotes, where `path` is the attribute path with
/// indexes written as `.0` (`identity.0.principal_id`).
pub enum Meaning {
    Attr(Attr),
    /// A key or secret the provider reads from the service.
    Secret,
    /// A value the provider generates (`random_password.x.result`).
    Generated,
}

pub fn meaning(tf_type: &str, path: &str) -> Meaning {
    if tf_type.starts_with("random_") && matches!(path, "result" | "bcrypt_hash") {
        return Meaning::Generated;
    }
    if tf_type == "tls_private_key" && path.starts_with("private_key") {
        return Meaning::Generated;
    }
    let uami = tf_type == "azurerm_user_assigned_identity";
    Meaning::Attr(match path {
        "id" => Attr::Id,
        "name" => Attr::Name,
        "principal_id" if uami => Attr::PrincipalId,
        "client_id" if uami => Attr::ClientId,
        "tenant_id" if uami => Attr::TenantId,
        "identity.0.principal_id" | "identity.principal_id" => Attr::SystemPrincipalId,
        "role_definition_resource_id" if tf_type == "azurerm_role_definition" => Attr::Id,
        p if tf_type.starts_with("azurerm_") && SECRET_ATTRS.contains(&p) => {
            return Meaning::Secret
        }
        p => Attr::Other(p.to_string()),
    })
}
