//! What Terraform types and attributes mean in Azure terms: the canonical ARM
//! type of each azurerm resource, the attributes that map onto ARM
//! properties rules read (with the value transforms where the meaning or
//! shape differs), and what a reference to an attribute denotes. This is
//! the one place that knows azurerm spellings: rules and the model read ARM
//! paths only. Extend the tables to teach idlint a new type or attribute.

use crate::model::secrets::entries_at;
use crate::model::spelling::Spelling;
use crate::model::value::{Attr, Entry, Kind, Loc, Value};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

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
    // Entra objects, as the Microsoft Graph Bicep extension types them.
    ("azuread_user", "Microsoft.Graph/users"),
    ("azuread_group", "Microsoft.Graph/groups"),
    (
        "azuread_service_principal",
        "Microsoft.Graph/servicePrincipals",
    ),
    ("azuread_application", "Microsoft.Graph/applications"),
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
        "azurerm_virtual_machine_scale_set",
        "Microsoft.Compute/virtualMachineScaleSets",
    ),
    (
        "azurerm_key_vault_certificate",
        "Microsoft.KeyVault/vaults/certificates",
    ),
    (
        "azurerm_hdinsight_hadoop_cluster",
        "Microsoft.HDInsight/clusters",
    ),
    (
        "azurerm_hdinsight_hbase_cluster",
        "Microsoft.HDInsight/clusters",
    ),
    (
        "azurerm_hdinsight_interactive_query_cluster",
        "Microsoft.HDInsight/clusters",
    ),
    (
        "azurerm_hdinsight_kafka_cluster",
        "Microsoft.HDInsight/clusters",
    ),
    (
        "azurerm_hdinsight_spark_cluster",
        "Microsoft.HDInsight/clusters",
    ),
    (
        "azurerm_cosmosdb_postgresql_cluster",
        "Microsoft.DBforPostgreSQL/serverGroupsv2",
    ),
    ("azuread_user", "Microsoft.Graph/users"),
    (
        "azurerm_virtual_machine_extension",
        "Microsoft.Compute/virtualMachines/extensions",
    ),
    (
        "azurerm_virtual_machine_scale_set_extension",
        "Microsoft.Compute/virtualMachineScaleSets/extensions",
    ),
    (
        "azurerm_container_app_environment_storage",
        "Microsoft.App/managedEnvironments/storages",
    ),
    (
        "azurerm_app_service_certificate",
        "Microsoft.Web/certificates",
    ),
    (
        "azurerm_automation_credential",
        "Microsoft.Automation/automationAccounts/credentials",
    ),
    (
        "azurerm_api_management_user",
        "Microsoft.ApiManagement/service/users",
    ),
    (
        "azurerm_virtual_network_gateway_connection",
        "Microsoft.Network/connections",
    ),
    (
        "azurerm_application_gateway",
        "Microsoft.Network/applicationGateways",
    ),
    ("azurerm_netapp_account", "Microsoft.NetApp/netAppAccounts"),
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
    (
        "azurerm_key_vault_access_policy",
        "Microsoft.KeyVault/vaults/accessPolicies",
    ),
    (
        "azurerm_cosmosdb_sql_role_assignment",
        "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
    ),
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
        "azurerm_ai_services",
        "Microsoft.CognitiveServices/accounts",
    ),
    (
        "azurerm_log_analytics_workspace",
        "Microsoft.OperationalInsights/workspaces",
    ),
    (
        "azurerm_data_factory_linked_service_azure_blob_storage",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_azure_sql_database",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_data_lake_storage_gen2",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_azure_file_storage",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_azure_table_storage",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_cosmosdb",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_kusto",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_sql_server",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_synapse",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_mysql",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_postgresql",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_snowflake",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_sftp",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_web",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_service_key_vault",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
    (
        "azurerm_data_factory_linked_custom_service",
        "Microsoft.DataFactory/factories/linkedservices",
    ),
];

/// How a Terraform attribute or block becomes part of the ARM body.
#[derive(Clone, Copy, Debug)]
pub enum How {
    /// The value as written.
    Same,
    /// A boolean of the opposite sense (`local_auth_enabled = true` →
    /// `disableLocalAuth: false`). Anything but a known boolean stays as it
    /// is: unknown stays unknown, `null` stays `null`.
    Negate,
    /// A nested block → one ARM object made of its mapped attributes.
    /// Repeated blocks stay an array of such objects.
    Block(&'static [Map]),
    /// Repeated blocks → an ARM array of objects (one block is an array of
    /// one); blocks reached through other repeated blocks are gathered into
    /// the one array (every `container`'s `volume` → `volumes`).
    Blocks(&'static [Map]),
    /// A map → ARM's list of `{name, <key>}` objects (app settings,
    /// environment variables), each pointing at the map key it came from.
    NameValue(&'static str),
    /// A list of resource IDs → an object keyed by them, as ARM's
    /// `userAssignedIdentities`.
    Keys,
    /// A JSON document in a string (`type_properties_json`) → the value it
    /// encodes, every member located at the attribute; text that is not
    /// known or not JSON stays as it is.
    Json,
}

/// One Terraform attribute or block and where it lands in the ARM body.
#[derive(Clone, Copy, Debug)]
pub struct Map {
    /// Attribute or block name; dotted to reach into nested blocks, with
    /// repeated blocks walked through.
    pub from: &'static str,
    /// ARM path relative to the object being built; dotted paths create
    /// (and share) the intermediate objects.
    pub to: &'static str,
    pub how: How,
    /// The write-only attribute that takes the same value without saving it
    /// in the state.
    pub write_only: Option<&'static str>,
    /// A secret saved in the state with no write-only twin: the design that
    /// needs no secret instead.
    pub instead: Option<&'static str>,
}

const fn same(from: &'static str, to: &'static str) -> Map {
    with(from, to, How::Same)
}

const fn with(from: &'static str, to: &'static str, how: How) -> Map {
    Map {
        from,
        to,
        how,
        write_only: None,
        instead: None,
    }
}

const fn write_only(from: &'static str, to: &'static str, wo: &'static str) -> Map {
    Map {
        from,
        to,
        how: How::Same,
        write_only: Some(wo),
        instead: None,
    }
}

/// A secret the state keeps, where the resource offers no write-only
/// attribute but a design without the secret (`instead`).
const fn stored(from: &'static str, to: &'static str, instead: &'static str) -> Map {
    Map {
        from,
        to,
        how: How::Same,
        write_only: None,
        instead: Some(instead),
    }
}

/// Web apps, function apps and Logic Apps Standard, with their slots: the
/// `app_settings` map and `connection_string` blocks of every provider version.
static SITE: &[Map] = &[
    with(
        "app_settings",
        "properties.siteConfig.appSettings",
        How::NameValue("value"),
    ),
    with(
        "connection_string",
        "properties.siteConfig.connectionStrings",
        How::Blocks(&[
            same("name", "name"),
            same("type", "type"),
            same("value", "connectionString"),
        ]),
    ),
    same(
        "key_vault_reference_identity_id",
        "properties.keyVaultReferenceIdentity",
    ),
    same(
        "site_config.container_registry_managed_identity_client_id",
        "properties.siteConfig.acrUserManagedIdentityID",
    ),
    same(
        "site_config.container_registry_use_managed_identity",
        "properties.siteConfig.acrUseManagedIdentityCreds",
    ),
];

static VM: &[Map] = &[
    same("admin_username", "properties.osProfile.adminUsername"),
    same("admin_password", "properties.osProfile.adminPassword"),
    same("custom_data", "properties.osProfile.customData"),
    same("user_data", "properties.userData"),
];

/// `azurerm_virtual_machine`, the provider's first VM shape.
static LEGACY_VM: &[Map] = &[with(
    "os_profile",
    "properties.osProfile",
    How::Block(&[
        same("admin_username", "adminUsername"),
        same("admin_password", "adminPassword"),
        same("custom_data", "customData"),
    ]),
)];

static VMSS: &[Map] = &[
    same(
        "admin_username",
        "properties.virtualMachineProfile.osProfile.adminUsername",
    ),
    same(
        "admin_password",
        "properties.virtualMachineProfile.osProfile.adminPassword",
    ),
    same(
        "custom_data",
        "properties.virtualMachineProfile.osProfile.customData",
    ),
    same("user_data", "properties.virtualMachineProfile.userData"),
    with(
        "extension",
        "properties.virtualMachineProfile.extensionProfile.extensions",
        How::Blocks(&[
            same("name", "name"),
            same("settings", "properties.settings"),
            same("protected_settings", "properties.protectedSettings"),
        ]),
    ),
];

static ORCHESTRATED_VMSS: &[Map] = &[
    same(
        "user_data_base64",
        "properties.virtualMachineProfile.userData",
    ),
    // Windows takes ARM's `osProfile` path; Linux, which ARM spells the
    // same, its own (one spelling per path): `linuxProfile.admin*`, apart
    // from ARM's `linuxConfiguration`, whose absent
    // `disablePasswordAuthentication` means something else (MID009).
    with(
        "os_profile",
        "properties.virtualMachineProfile.osProfile",
        How::Block(&[
            same("windows_configuration.admin_username", "adminUsername"),
            same("windows_configuration.admin_password", "adminPassword"),
            same(
                "linux_configuration.admin_username",
                "linuxProfile.adminUsername",
            ),
            same(
                "linux_configuration.admin_password",
                "linuxProfile.adminPassword",
            ),
            same("custom_data", "customData"),
        ]),
    ),
];

/// `azurerm_virtual_machine_scale_set`, the provider's first scale set
/// shape (deprecated, still in use): `os_profile` and `extension` blocks.
static LEGACY_VMSS: &[Map] = &[
    with(
        "os_profile",
        "properties.virtualMachineProfile.osProfile",
        How::Block(&[
            same("admin_username", "adminUsername"),
            same("admin_password", "adminPassword"),
            same("custom_data", "customData"),
        ]),
    ),
    with(
        "extension",
        "properties.virtualMachineProfile.extensionProfile.extensions",
        How::Blocks(&[
            same("name", "name"),
            same("settings", "properties.settings"),
            same("protected_settings", "properties.protectedSettings"),
        ]),
    ),
];

/// App Service authentication v1 (`auth_settings`): the providers' client
/// secrets, as the `authsettings` config names them. (`auth_settings_v2`
/// names app settings, `*_setting_name`, and holds no secret.)
static AUTH_SETTINGS: &[Map] = &[with(
    "auth_settings",
    "properties.authSettings",
    How::Block(&[
        same("active_directory.client_secret", "clientSecret"),
        same("google.client_secret", "googleClientSecret"),
        same("facebook.app_secret", "facebookAppSecret"),
        same("microsoft.client_secret", "microsoftAccountClientSecret"),
        same("twitter.consumer_secret", "twitterConsumerSecret"),
        same("github.client_secret", "gitHubClientSecret"),
    ]),
)];

/// A certificate imported into Key Vault: the PFX's password.
static KEY_VAULT_CERTIFICATE: &[Map] = &[with(
    "certificate",
    "properties.certificate",
    How::Block(&[same("password", "password")]),
)];

/// HDInsight: the cluster login (gateway) and each node role's SSH login.
static HDINSIGHT: &[Map] = &[
    same(
        "gateway.password",
        "properties.clusterDefinition.configurations.gateway.restAuthCredential.password",
    ),
    // ARM lists node roles in `computeProfile.roles[]`; each Terraform role
    // block has its own path (one spelling per path).
    same(
        "roles.head_node.password",
        "properties.computeProfile.headNode.osProfile.linuxOperatingSystemProfile.password",
    ),
    same(
        "roles.worker_node.password",
        "properties.computeProfile.workerNode.osProfile.linuxOperatingSystemProfile.password",
    ),
    same(
        "roles.zookeeper_node.password",
        "properties.computeProfile.zookeeperNode.osProfile.linuxOperatingSystemProfile.password",
    ),
];

/// Azure Cosmos DB for PostgreSQL (citus) cluster.
static COSMOS_POSTGRESQL: &[Map] = &[same(
    "administrator_login_password",
    "properties.administratorLoginPassword",
)];

/// Entra ID user (azuread provider): the initial password.
static AZUREAD_USER: &[Map] = &[same("password", "passwordProfile.password")];

static EXTENSION: &[Map] = &[
    same("settings", "properties.settings"),
    same("protected_settings", "properties.protectedSettings"),
];

static AKS: &[Map] = &[
    // MID010: azurerm's default (false) is ARM's absent `disableLocalAccounts`.
    same("local_account_disabled", "properties.disableLocalAccounts"),
    with(
        "linux_profile",
        "properties.linuxProfile",
        How::Block(&[same("admin_username", "adminUsername")]),
    ),
    with(
        "windows_profile",
        "properties.windowsProfile",
        How::Block(&[
            same("admin_username", "adminUsername"),
            same("admin_password", "adminPassword"),
        ]),
    ),
    with(
        "service_principal",
        "properties.servicePrincipalProfile",
        How::Block(&[
            same("client_id", "clientId"),
            same("client_secret", "secret"),
        ]),
    ),
];

static CONTAINER_GROUP: &[Map] = &[
    with(
        "image_registry_credential",
        "properties.imageRegistryCredentials",
        How::Blocks(&[
            same("server", "server"),
            same("username", "username"),
            same("password", "password"),
            same("user_assigned_identity_id", "identity"),
        ]),
    ),
    with(
        "diagnostics",
        "properties.diagnostics",
        How::Block(&[with(
            "log_analytics",
            "logAnalytics",
            How::Block(&[
                same("workspace_id", "workspaceId"),
                same("workspace_key", "workspaceKey"),
            ]),
        )]),
    ),
    with(
        "container",
        "properties.containers",
        How::Blocks(&[
            same("name", "name"),
            with(
                "environment_variables",
                "properties.environmentVariables",
                How::NameValue("value"),
            ),
        ]),
    ),
    // ARM declares volumes on the group and mounts them in containers.
    with(
        "container.volume",
        "properties.volumes",
        How::Blocks(&[
            same("name", "name"),
            same("share_name", "azureFile.shareName"),
            same("storage_account_name", "azureFile.storageAccountName"),
            same("storage_account_key", "azureFile.storageAccountKey"),
        ]),
    ),
];

static CONTAINER_APP: &[Map] = &[
    with(
        "secret",
        "properties.configuration.secrets",
        How::Blocks(&[
            same("name", "name"),
            same("value", "value"),
            same("key_vault_secret_id", "keyVaultUrl"),
            same("identity", "identity"),
        ]),
    ),
    with(
        "registry",
        "properties.configuration.registries",
        How::Blocks(&[
            same("server", "server"),
            same("username", "username"),
            same("password_secret_name", "passwordSecretRef"),
            same("identity", "identity"),
        ]),
    ),
];

/// BG002: revisions side by side, and the traffic split between them.
static CONTAINER_APP_REVISIONS: &[Map] = &[
    same(
        "revision_mode",
        "properties.configuration.activeRevisionsMode",
    ),
    with(
        "ingress",
        "properties.configuration.ingress",
        How::Block(&[with(
            "traffic_weight",
            "traffic",
            How::Blocks(&[
                same("percentage", "weight"),
                same("revision_suffix", "revisionName"),
                same("latest_revision", "latestRevision"),
            ]),
        )]),
    ),
];

/// BG006: the identity Cosmos DB reads its customer-managed key with.
static COSMOS_DEFAULT_IDENTITY: &[Map] = &[
    same("default_identity_type", "properties.defaultIdentity"),
    same("key_vault_key_id", "properties.keyVaultKeyUri"),
];

static CONTAINER_APP_STORAGE: &[Map] = &[
    same("account_name", "properties.azureFile.accountName"),
    same("share_name", "properties.azureFile.shareName"),
    same("access_key", "properties.azureFile.accountKey"),
];

/// SQL servers: `administrator_login_password`, with a write-only twin
/// since azurerm 4.x.
static SQL_WO: &[Map] = &[
    same("administrator_login", "properties.administratorLogin"),
    write_only(
        "administrator_login_password",
        "properties.administratorLoginPassword",
        "administrator_login_password_wo",
    ),
];

/// SQL managed instances: no write-only twin of the password (azurerm 4.x);
/// Entra-only authentication needs none.
static SQL_MANAGED_INSTANCE: &[Map] = &[
    same("administrator_login", "properties.administratorLogin"),
    stored(
        "administrator_login_password",
        "properties.administratorLoginPassword",
        "Entra-only authentication (an `azure_active_directory_administrator` block with `azuread_authentication_only_enabled = true`, no `administrator_login_password`)",
    ),
];

/// Single servers and the retired `azurerm_sql_server`: no write-only twin.
static SQL: &[Map] = &[
    same("administrator_login", "properties.administratorLogin"),
    same(
        "administrator_login_password",
        "properties.administratorLoginPassword",
    ),
];

/// MySQL and PostgreSQL flexible servers call the password `administrator_password`.
static FLEXIBLE: &[Map] = &[
    same("administrator_login", "properties.administratorLogin"),
    write_only(
        "administrator_password",
        "properties.administratorLoginPassword",
        "administrator_password_wo",
    ),
];

static KEY_VAULT_SECRET: &[Map] = &[
    write_only("value", "properties.value", "value_wo"),
    same("content_type", "properties.contentType"),
    same("expiration_date", "properties.attributes.exp"),
    same("not_before_date", "properties.attributes.nbf"),
];

static PASSWORD: &[Map] = &[same("password", "properties.password")];

static AUTOMATION_CREDENTIAL: &[Map] = &[
    same("username", "properties.userName"),
    same("password", "properties.password"),
];

static GATEWAY_CONNECTION: &[Map] = &[same("shared_key", "properties.sharedKey")];

static APPLICATION_GATEWAY: &[Map] = &[with(
    "ssl_certificate",
    "properties.sslCertificates",
    How::Blocks(&[
        same("name", "name"),
        same("password", "properties.password"),
    ]),
)];

static NETAPP_ACCOUNT: &[Map] = &[with(
    "active_directory",
    "properties.activeDirectories",
    How::Blocks(&[same("username", "username"), same("password", "password")]),
)];

static CONTAINER_REGISTRY: &[Map] = &[same("admin_enabled", "properties.adminUserEnabled")];

static ROLE_ASSIGNMENT: &[Map] = &[
    same("role_definition_id", "properties.roleDefinitionId"),
    // ARM has no role-by-name; the model keeps it under this name.
    same("role_definition_name", "properties.roleDefinitionName"),
    same("principal_id", "properties.principalId"),
    same("principal_type", "properties.principalType"),
    // ARM has no such property; the model keeps it under this name.
    same(
        "skip_service_principal_aad_check",
        "properties.skipServicePrincipalAadCheck",
    ),
    same("condition", "properties.condition"),
    same("condition_version", "properties.conditionVersion"),
    same(
        "delegated_managed_identity_resource_id",
        "properties.delegatedManagedIdentityResourceId",
    ),
];

static ROLE_DEFINITION: &[Map] = &[
    same("name", "properties.roleName"),
    same("assignable_scopes", "properties.assignableScopes"),
    with(
        "permissions",
        "properties.permissions",
        How::Blocks(&[
            same("actions", "actions"),
            same("not_actions", "notActions"),
            same("data_actions", "dataActions"),
            same("not_data_actions", "notDataActions"),
        ]),
    ),
];

/// One Key Vault access policy's attributes, as ARM writes a policy.
const POLICY: &[Map] = &[
    same("tenant_id", "tenantId"),
    same("object_id", "objectId"),
    same("application_id", "applicationId"),
    same("key_permissions", "permissions.keys"),
    same("secret_permissions", "permissions.secrets"),
    same("certificate_permissions", "permissions.certificates"),
    same("storage_permissions", "permissions.storage"),
];

/// A vault's inline `access_policy` blocks.
static KEY_VAULT: &[Map] = &[
    with(
        "access_policy",
        "properties.accessPolicies",
        How::Blocks(POLICY),
    ),
    // azurerm 3.x `enable_rbac_authorization` is renamed to this (`RENAMED`).
    same(
        "rbac_authorization_enabled",
        "properties.enableRbacAuthorization",
    ),
];

/// `azurerm_key_vault_access_policy`: one policy, written at the top of the
/// resource; ARM's `vaults/accessPolicies` holds a list of them, and the
/// model reads one policy in place of a list of one.
static KEY_VAULT_ACCESS_POLICY: &[Map] = &[
    same("tenant_id", "properties.accessPolicies.tenantId"),
    same("object_id", "properties.accessPolicies.objectId"),
    same("application_id", "properties.accessPolicies.applicationId"),
    same(
        "key_permissions",
        "properties.accessPolicies.permissions.keys",
    ),
    same(
        "secret_permissions",
        "properties.accessPolicies.permissions.secrets",
    ),
    same(
        "certificate_permissions",
        "properties.accessPolicies.permissions.certificates",
    ),
    same(
        "storage_permissions",
        "properties.accessPolicies.permissions.storage",
    ),
];

static COSMOS_SQL_ROLE_ASSIGNMENT: &[Map] = &[
    same("principal_id", "properties.principalId"),
    same("role_definition_id", "properties.roleDefinitionId"),
    same("scope", "properties.scope"),
];

/// Key-based (local) authentication switches: most services spell it as
/// enabled where ARM spells it as disabled.
static LOCAL_AUTH_ENABLED: &[Map] = &[with(
    "local_auth_enabled",
    "properties.disableLocalAuth",
    How::Negate,
)];
static LOCAL_AUTHENTICATION_ENABLED: &[Map] = &[with(
    "local_authentication_enabled",
    "properties.disableLocalAuth",
    How::Negate,
)];
static LOCAL_AUTHENTICATION_DISABLED: &[Map] = &[same(
    "local_authentication_disabled",
    "properties.disableLocalAuth",
)];
static STORAGE_ACCOUNT: &[Map] = &[same(
    "shared_access_key_enabled",
    "properties.allowSharedKeyAccess",
)];
static COSMOS_KEY_METADATA_WRITES: &[Map] = &[with(
    "access_key_metadata_writes_enabled",
    "properties.disableKeyBasedMetadataWriteAccess",
    How::Negate,
)];
static REDIS: &[Map] = &[with(
    "access_keys_authentication_enabled",
    "properties.disableAccessKeyAuthentication",
    How::Negate,
)];

/// MID009: Linux VMs and scale sets. azurerm defaults
/// `disable_password_authentication` to true where ARM's absent property
/// means false; `DEFAULTS` gives an absent attribute the provider default.
static LINUX_VM: &[Map] = &[same(
    "disable_password_authentication",
    "properties.osProfile.linuxConfiguration.disablePasswordAuthentication",
)];
static LINUX_VMSS: &[Map] = &[same(
    "disable_password_authentication",
    "properties.virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication",
)];
/// MID009: `azurerm_virtual_machine`'s `os_profile_linux_config`, where the
/// attribute is required.
static LEGACY_LINUX_VM: &[Map] = &[with(
    "os_profile_linux_config",
    "properties.osProfile.linuxConfiguration",
    How::Block(&[same(
        "disable_password_authentication",
        "disablePasswordAuthentication",
    )]),
)];

/// MID008: Entra-only authentication of a SQL server, set in its
/// `azuread_administrator` block (absent: SQL authentication allowed).
static SQL_ENTRA_ONLY: &[Map] = &[with(
    "azuread_administrator",
    "properties.administrators",
    How::Block(&[same(
        "azuread_authentication_only",
        "azureADOnlyAuthentication",
    )]),
)];
/// MID008: PostgreSQL flexible server password authentication. ARM's
/// `passwordAuth` is `Enabled`/`Disabled`; the model keeps azurerm's boolean
/// (true is `Enabled`), and the rule reads both. Absent block or attribute:
/// enabled, in azurerm as in the service.
static POSTGRES_FLEXIBLE_AUTH: &[Map] = &[same(
    "authentication.password_auth_enabled",
    "properties.authConfig.passwordAuth",
)];

/// MID012: ARM sets publishing basic auth in `basicPublishingCredentialsPolicies`
/// child resources named `ftp` and `scm`; azurerm sets it on the app, and the
/// model keeps it on the site under that name. azurerm's default is true,
/// as the platform's for a site without the child resources.
static PUBLISHING_BASIC_AUTH: &[Map] = &[
    same(
        "ftp_publish_basic_authentication_enabled",
        "basicPublishingCredentialsPolicies.ftp.allow",
    ),
    same(
        "webdeploy_publish_basic_authentication_enabled",
        "basicPublishingCredentialsPolicies.scm.allow",
    ),
];

/// MID012: Flex Consumption has no FTP; its ARM shape is told by
/// `functionAppConfig`, which the runtime name is part of.
static FLEX_CONSUMPTION: &[Map] = &[
    same(
        "webdeploy_publish_basic_authentication_enabled",
        "basicPublishingCredentialsPolicies.scm.allow",
    ),
    same("runtime_name", "properties.functionAppConfig.runtime.name"),
];

/// MID007: a function app's runtime storage. ARM writes it as the
/// `AzureWebJobsStorage` app setting; azurerm builds that setting from these
/// attributes, and the model keeps them where `model::keys` says.
static FUNCTION_STORAGE: &[Map] = &[
    same(
        "storage_account_access_key",
        crate::model::keys::FUNCTION_STORAGE_KEY,
    ),
    same(
        "storage_uses_managed_identity",
        crate::model::keys::FUNCTION_STORAGE_IDENTITY,
    ),
];

/// MID007: Flex Consumption names how it reaches its deployment storage,
/// as ARM does.
static FLEX_STORAGE: &[Map] = &[
    same(
        "storage_authentication_type",
        crate::model::keys::FLEX_STORAGE_AUTH,
    ),
    same(
        "storage_access_key",
        crate::model::keys::FUNCTION_STORAGE_KEY,
    ),
];

/// MID011: Data Factory linked services. The credentials land in
/// `properties.typeProperties` as ARM names them; `connection_string_insecure`
/// (a plain string in ARM where `connection_string` is a `SecureString`) takes
/// the `SecureString` shape so that each path has one spelling. ARM has no
/// `use_managed_identity`: the model keeps it under this name, and a linked
/// service that sets it sends no service principal key.
static DF_BLOB: &[Map] = &[
    same(
        "connection_string",
        "properties.typeProperties.connectionString",
    ),
    same(
        "connection_string_insecure",
        "properties.typeProperties.connectionString.value",
    ),
    same("sas_uri", "properties.typeProperties.sasUri"),
    same(
        "service_principal_key",
        "properties.typeProperties.servicePrincipalKey",
    ),
    same(
        "use_managed_identity",
        "properties.typeProperties.useManagedIdentity",
    ),
];
static DF_SQL_DATABASE: &[Map] = &[
    same(
        "connection_string",
        "properties.typeProperties.connectionString",
    ),
    same(
        "service_principal_key",
        "properties.typeProperties.servicePrincipalKey",
    ),
    same(
        "use_managed_identity",
        "properties.typeProperties.useManagedIdentity",
    ),
];
static DF_DATA_LAKE_GEN2: &[Map] = &[
    same(
        "storage_account_key",
        "properties.typeProperties.accountKey",
    ),
    same(
        "service_principal_key",
        "properties.typeProperties.servicePrincipalKey",
    ),
    same(
        "use_managed_identity",
        "properties.typeProperties.useManagedIdentity",
    ),
];
static DF_KUSTO: &[Map] = &[
    same(
        "service_principal_key",
        "properties.typeProperties.servicePrincipalKey",
    ),
    same(
        "use_managed_identity",
        "properties.typeProperties.useManagedIdentity",
    ),
];
static DF_FILE_STORAGE: &[Map] = &[
    same(
        "connection_string",
        "properties.typeProperties.connectionString",
    ),
    same("password", "properties.typeProperties.password"),
];
static DF_COSMOSDB: &[Map] = &[
    same(
        "connection_string",
        "properties.typeProperties.connectionString",
    ),
    same("account_key", "properties.typeProperties.accountKey"),
];
static DF_CONNECTION_STRING: &[Map] = &[same(
    "connection_string",
    "properties.typeProperties.connectionString",
)];
static DF_PASSWORD: &[Map] = &[same("password", "properties.typeProperties.password")];
static DF_CUSTOM: &[Map] = &[
    same("type", "properties.type"),
    with(
        "type_properties_json",
        "properties.typeProperties",
        How::Json,
    ),
];

/// The attributes of each azurerm type that map onto ARM properties; a
/// type may have several rows. One ARM path per type: the spelling of a
/// property must be unambiguous.
static ADAPTER: &[(&str, &[Map])] = &[
    ("azurerm_linux_web_app", SITE),
    ("azurerm_windows_web_app", SITE),
    ("azurerm_linux_function_app", SITE),
    ("azurerm_windows_function_app", SITE),
    ("azurerm_function_app_flex_consumption", SITE),
    ("azurerm_app_service", SITE),
    ("azurerm_function_app", SITE),
    ("azurerm_logic_app_standard", SITE),
    ("azurerm_linux_web_app_slot", SITE),
    ("azurerm_windows_web_app_slot", SITE),
    ("azurerm_linux_function_app_slot", SITE),
    ("azurerm_windows_function_app_slot", SITE),
    ("azurerm_app_service_slot", SITE),
    ("azurerm_function_app_slot", SITE),
    ("azurerm_linux_virtual_machine", VM),
    ("azurerm_windows_virtual_machine", VM),
    ("azurerm_virtual_machine", LEGACY_VM),
    ("azurerm_virtual_machine_scale_set", LEGACY_VMSS),
    ("azurerm_linux_web_app", AUTH_SETTINGS),
    ("azurerm_windows_web_app", AUTH_SETTINGS),
    ("azurerm_linux_function_app", AUTH_SETTINGS),
    ("azurerm_windows_function_app", AUTH_SETTINGS),
    ("azurerm_app_service", AUTH_SETTINGS),
    ("azurerm_function_app", AUTH_SETTINGS),
    ("azurerm_linux_web_app_slot", AUTH_SETTINGS),
    ("azurerm_windows_web_app_slot", AUTH_SETTINGS),
    ("azurerm_app_service_slot", AUTH_SETTINGS),
    ("azurerm_key_vault_certificate", KEY_VAULT_CERTIFICATE),
    ("azurerm_hdinsight_hadoop_cluster", HDINSIGHT),
    ("azurerm_hdinsight_hbase_cluster", HDINSIGHT),
    ("azurerm_hdinsight_interactive_query_cluster", HDINSIGHT),
    ("azurerm_hdinsight_kafka_cluster", HDINSIGHT),
    ("azurerm_hdinsight_spark_cluster", HDINSIGHT),
    ("azurerm_cosmosdb_postgresql_cluster", COSMOS_POSTGRESQL),
    ("azuread_user", AZUREAD_USER),
    ("azurerm_linux_virtual_machine_scale_set", VMSS),
    ("azurerm_windows_virtual_machine_scale_set", VMSS),
    (
        "azurerm_orchestrated_virtual_machine_scale_set",
        ORCHESTRATED_VMSS,
    ),
    ("azurerm_virtual_machine_extension", EXTENSION),
    ("azurerm_virtual_machine_scale_set_extension", EXTENSION),
    ("azurerm_kubernetes_cluster", AKS),
    ("azurerm_container_group", CONTAINER_GROUP),
    ("azurerm_container_app", CONTAINER_APP),
    ("azurerm_container_app_job", CONTAINER_APP),
    (
        "azurerm_container_app_environment_storage",
        CONTAINER_APP_STORAGE,
    ),
    ("azurerm_mssql_server", SQL_WO),
    ("azurerm_mssql_managed_instance", SQL_MANAGED_INSTANCE),
    ("azurerm_sql_server", SQL),
    ("azurerm_postgresql_server", SQL),
    ("azurerm_mysql_server", SQL),
    ("azurerm_mariadb_server", SQL),
    ("azurerm_postgresql_flexible_server", FLEXIBLE),
    ("azurerm_mysql_flexible_server", FLEXIBLE),
    ("azurerm_key_vault_secret", KEY_VAULT_SECRET),
    ("azurerm_app_service_certificate", PASSWORD),
    ("azurerm_api_management_user", PASSWORD),
    ("azurerm_automation_credential", AUTOMATION_CREDENTIAL),
    (
        "azurerm_virtual_network_gateway_connection",
        GATEWAY_CONNECTION,
    ),
    ("azurerm_application_gateway", APPLICATION_GATEWAY),
    ("azurerm_netapp_account", NETAPP_ACCOUNT),
    ("azurerm_container_registry", CONTAINER_REGISTRY),
    ("azurerm_role_assignment", ROLE_ASSIGNMENT),
    ("azurerm_key_vault", KEY_VAULT),
    ("azurerm_key_vault_access_policy", KEY_VAULT_ACCESS_POLICY),
    (
        "azurerm_cosmosdb_sql_role_assignment",
        COSMOS_SQL_ROLE_ASSIGNMENT,
    ),
    ("azurerm_role_definition", ROLE_DEFINITION),
    ("azurerm_cognitive_account", LOCAL_AUTH_ENABLED),
    ("azurerm_servicebus_namespace", LOCAL_AUTH_ENABLED),
    ("azurerm_app_configuration", LOCAL_AUTH_ENABLED),
    ("azurerm_signalr_service", LOCAL_AUTH_ENABLED),
    ("azurerm_web_pubsub", LOCAL_AUTH_ENABLED),
    ("azurerm_eventgrid_topic", LOCAL_AUTH_ENABLED),
    ("azurerm_eventgrid_domain", LOCAL_AUTH_ENABLED),
    ("azurerm_eventhub_namespace", LOCAL_AUTHENTICATION_ENABLED),
    ("azurerm_search_service", LOCAL_AUTHENTICATION_ENABLED),
    ("azurerm_cosmosdb_account", LOCAL_AUTHENTICATION_DISABLED),
    (
        "azurerm_application_insights",
        LOCAL_AUTHENTICATION_DISABLED,
    ),
    ("azurerm_storage_account", STORAGE_ACCOUNT),
    ("azurerm_redis_cache", REDIS),
    ("azurerm_linux_virtual_machine", LINUX_VM),
    ("azurerm_linux_virtual_machine_scale_set", LINUX_VMSS),
    ("azurerm_virtual_machine", LEGACY_LINUX_VM),
    ("azurerm_linux_web_app", PUBLISHING_BASIC_AUTH),
    ("azurerm_windows_web_app", PUBLISHING_BASIC_AUTH),
    ("azurerm_linux_function_app", PUBLISHING_BASIC_AUTH),
    ("azurerm_windows_function_app", PUBLISHING_BASIC_AUTH),
    ("azurerm_linux_web_app_slot", PUBLISHING_BASIC_AUTH),
    ("azurerm_windows_web_app_slot", PUBLISHING_BASIC_AUTH),
    ("azurerm_linux_function_app_slot", PUBLISHING_BASIC_AUTH),
    ("azurerm_windows_function_app_slot", PUBLISHING_BASIC_AUTH),
    ("azurerm_function_app_flex_consumption", FLEX_CONSUMPTION),
    ("azurerm_cosmosdb_account", COSMOS_KEY_METADATA_WRITES),
    ("azurerm_ai_services", LOCAL_AUTHENTICATION_ENABLED),
    ("azurerm_mssql_server", SQL_ENTRA_ONLY),
    ("azurerm_postgresql_flexible_server", POSTGRES_FLEXIBLE_AUTH),
    (
        "azurerm_data_factory_linked_service_azure_blob_storage",
        DF_BLOB,
    ),
    (
        "azurerm_data_factory_linked_service_azure_sql_database",
        DF_SQL_DATABASE,
    ),
    (
        "azurerm_data_factory_linked_service_data_lake_storage_gen2",
        DF_DATA_LAKE_GEN2,
    ),
    ("azurerm_data_factory_linked_service_kusto", DF_KUSTO),
    (
        "azurerm_data_factory_linked_service_azure_file_storage",
        DF_FILE_STORAGE,
    ),
    (
        "azurerm_data_factory_linked_service_azure_table_storage",
        DF_CONNECTION_STRING,
    ),
    ("azurerm_data_factory_linked_service_cosmosdb", DF_COSMOSDB),
    (
        "azurerm_data_factory_linked_service_sql_server",
        DF_CONNECTION_STRING,
    ),
    (
        "azurerm_data_factory_linked_service_synapse",
        DF_CONNECTION_STRING,
    ),
    (
        "azurerm_data_factory_linked_service_mysql",
        DF_CONNECTION_STRING,
    ),
    (
        "azurerm_data_factory_linked_service_postgresql",
        DF_CONNECTION_STRING,
    ),
    (
        "azurerm_data_factory_linked_service_snowflake",
        DF_CONNECTION_STRING,
    ),
    ("azurerm_data_factory_linked_service_sftp", DF_PASSWORD),
    ("azurerm_data_factory_linked_service_web", DF_PASSWORD),
    ("azurerm_data_factory_linked_custom_service", DF_CUSTOM),
    ("azurerm_container_app", CONTAINER_APP_REVISIONS),
    ("azurerm_cosmosdb_account", COSMOS_DEFAULT_IDENTITY),
    ("azurerm_linux_function_app", FUNCTION_STORAGE),
    ("azurerm_windows_function_app", FUNCTION_STORAGE),
    ("azurerm_function_app", FUNCTION_STORAGE),
    ("azurerm_linux_function_app_slot", FUNCTION_STORAGE),
    ("azurerm_windows_function_app_slot", FUNCTION_STORAGE),
    ("azurerm_function_app_slot", FUNCTION_STORAGE),
    ("azurerm_logic_app_standard", FUNCTION_STORAGE),
    ("azurerm_function_app_flex_consumption", FLEX_STORAGE),
];

/// Top-level attributes whose azurerm default differs from what ARM assumes
/// when the property they map onto is absent: a resource that does not set
/// one (or sets it to `null`) gets the provider default, located at its
/// `resource` header, before mapping, so an absent attribute means what
/// azurerm means.
static DEFAULTS: &[(&str, &str, bool)] = &[
    // MID009
    (
        "azurerm_linux_virtual_machine",
        "disable_password_authentication",
        true,
    ),
    (
        "azurerm_linux_virtual_machine_scale_set",
        "disable_password_authentication",
        true,
    ),
];

/// Attributes the provider renamed (type, old name, new name): a body that
/// sets the old name and not the new one is read as if it wrote the new
/// one, so each ARM path keeps one spelling.
static RENAMED: &[(&str, &str, &str)] = &[(
    "azurerm_key_vault",
    "enable_rbac_authorization",
    "rbac_authorization_enabled",
)];

/// Renames the `RENAMED` attributes of `tf_type` in `body`.
fn renamed(tf_type: &str, body: &mut Value) {
    let Some(members) = body.as_object() else {
        return;
    };
    let mut entries: Vec<Entry> = members.to_vec();
    let mut changed = false;
    for (_, old, new) in RENAMED.iter().filter(|(t, _, _)| *t == tf_type) {
        if entries.iter().any(|e| e.key == *new) {
            continue;
        }
        if let Some(e) = entries.iter_mut().find(|e| e.key == *old) {
            e.key = (*new).to_string();
            changed = true;
        }
    }
    if changed {
        body.kind = Kind::Object(Arc::new(entries));
    }
}

/// Gives `body` the `DEFAULTS` of `tf_type` it does not set.
fn provider_defaults(tf_type: &str, body: &mut Value) {
    let Some(members) = body.as_object() else {
        return;
    };
    let mut entries: Vec<Entry> = members.to_vec();
    let mut changed = false;
    for (_, attr, default) in DEFAULTS.iter().filter(|(t, _, _)| *t == tf_type) {
        entries.retain(|e| !(e.key == *attr && matches!(e.value.kind, Kind::Null)));
        if !entries.iter().any(|e| e.key == *attr) {
            entries.push(Entry {
                key: (*attr).to_string(),
                key_loc: body.loc,
                value: Value::new(Kind::Bool(*default), body.loc),
            });
            changed = true;
        }
    }
    if changed {
        body.kind = Kind::Object(Arc::new(entries));
    }
}

/// What the loader knows of one Terraform type, indexed once.
struct TypeInfo {
    arm: Option<&'static str>,
    maps: Vec<&'static Map>,
    spellings: Vec<Spelling>,
}

fn types() -> &'static HashMap<&'static str, TypeInfo> {
    static INDEX: OnceLock<HashMap<&'static str, TypeInfo>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, TypeInfo> = HashMap::new();
        let info = |index: &mut HashMap<&'static str, TypeInfo>, t| {
            index.entry(t).or_insert_with(|| TypeInfo {
                arm: None,
                maps: Vec::new(),
                spellings: Vec::new(),
            });
        };
        for (t, arm) in TYPES {
            info(&mut index, *t);
            if let Some(i) = index.get_mut(t) {
                i.arm = Some(arm);
            }
        }
        for (t, maps) in ADAPTER {
            info(&mut index, *t);
            if let Some(i) = index.get_mut(t) {
                i.maps.extend(maps.iter());
                for m in maps.iter() {
                    spell(m, "", "", &mut i.spellings);
                }
            }
        }
        index
    })
}

/// The spellings of `m` and the rows inside it, under the paths of the enclosing block.
fn spell(m: &Map, from: &str, to: &str, out: &mut Vec<Spelling>) {
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}.{b}")
        }
    };
    let (written, path) = (join(from, m.from), join(to, m.to));
    if let How::Block(inner) | How::Blocks(inner) = m.how {
        for i in inner {
            spell(i, &written, &path, out);
        }
    }
    out.push(Spelling {
        path,
        written,
        write_only: m.write_only,
        instead: m.instead,
    });
}

/// Canonical ARM type of an azurerm type, if idlint knows it.
pub fn canonical_type(tf_type: &str) -> Option<&'static str> {
    types().get(tf_type).and_then(|i| i.arm)
}

/// How each mapped property of `tf_type` is written, for findings.
pub fn spellings(tf_type: &str) -> &'static [Spelling] {
    types().get(tf_type).map_or(&[], |i| i.spellings.as_slice())
}

/// Adds the ARM spelling of the mapped attributes of an azurerm resource to
/// its body. The attributes stay as written beside them (nothing reads
/// them); an ARM member that a Terraform member of the same name would
/// shadow (`identity`) replaces it.
pub fn map_body(tf_type: &str, body: &mut Value) {
    renamed(tf_type, body);
    provider_defaults(tf_type, body);
    let Some(info) = types().get(tf_type).filter(|i| !i.maps.is_empty()) else {
        return;
    };
    let mapped = map_entries(info.maps.iter().copied(), body);
    if mapped.is_empty() {
        return;
    }
    let mut entries: Vec<Entry> = body.as_object().unwrap_or(&[]).to_vec();
    entries.retain(|e| !mapped.iter().any(|m| m.key.eq_ignore_ascii_case(&e.key)));
    entries.extend(mapped);
    *body = Value {
        kind: Kind::Object(Arc::new(entries)),
        ..body.clone()
    };
}

/// `identity { type, identity_ids }` → ARM's `identity: {type,
/// userAssignedIdentities: {<id>: {}}}`, for every Terraform resource. Other
/// members stay, so an identity an azapi `body` gave in ARM shape is kept as
/// it is; an unknown `identity_ids` stays unknown.
pub fn map_identity(body: &mut Value) {
    let Some(e) = body.entry("identity") else {
        return;
    };
    let one = |b: &Value| -> Value {
        let Some(members) = b.as_object() else {
            return b.clone();
        };
        if !members.iter().any(|m| m.key == "identity_ids") {
            return b.clone();
        }
        let entries = members
            .iter()
            .map(|m| match m.key.as_str() {
                "identity_ids" => Entry {
                    key: "userAssignedIdentities".into(),
                    key_loc: m.key_loc,
                    value: transform(How::Keys, &m.value),
                },
                _ => m.clone(),
            })
            .collect();
        Value {
            kind: Kind::Object(Arc::new(entries)),
            ..b.clone()
        }
    };
    let value = match &e.value.kind {
        Kind::Array(items) => Value {
            kind: Kind::Array(Arc::new(items.iter().map(one).collect())),
            ..e.value.clone()
        },
        _ => one(&e.value),
    };
    if value == e.value {
        return;
    }
    let key = e.key.clone();
    let entries = body
        .as_object()
        .unwrap_or(&[])
        .iter()
        .map(|x| {
            if x.key == key {
                Entry {
                    value: value.clone(),
                    ..x.clone()
                }
            } else {
                x.clone()
            }
        })
        .collect();
    body.kind = Kind::Object(Arc::new(entries));
}

/// The ARM members `maps` make of the Terraform object `obj`.
fn map_entries<'m>(maps: impl Iterator<Item = &'m Map>, obj: &Value) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for m in maps {
        let hits = entries_at(obj, m.from);
        let Some(first) = hits.first() else { continue };
        let value = match (m.how, hits.len()) {
            (How::Blocks(inner), _) => {
                let items = hits
                    .iter()
                    .flat_map(|h| match &h.value.kind {
                        Kind::Array(items) => items.iter().collect(),
                        _ => vec![&h.value],
                    })
                    .map(|b| block(inner, b))
                    .collect();
                match (&first.value.kind, hits.len()) {
                    // One unknown or null value of the whole list stays what it is.
                    (Kind::Array(_) | Kind::Object(_), _) | (_, 2..) => {
                        Value::array(items, first.value.loc)
                    }
                    _ => first.value.clone(),
                }
            }
            // Members of an encoded document point at the attribute.
            (How::Json, 1) => json(&first.value, first.key_loc),
            (how, 1) => transform(how, &first.value),
            // Several hits of one attribute (a block repeated where the
            // provider allows one) stay several.
            (how, _) => Value::array(
                hits.iter().map(|h| transform(how, &h.value)).collect(),
                first.value.loc,
            ),
        };
        insert(&mut out, m.to, first.key_loc, value, obj.loc);
    }
    out
}

/// The ARM value of one Terraform value.
fn transform(how: How, v: &Value) -> Value {
    match (how, &v.kind) {
        (How::Same, _) => v.clone(),
        (How::Negate, _) => match v.as_bool() {
            Some(b) => Value {
                kind: Kind::Bool(!b),
                ..v.clone()
            },
            None => v.clone(),
        },
        (How::Block(inner), Kind::Array(items)) => Value {
            kind: Kind::Array(Arc::new(items.iter().map(|b| block(inner, b)).collect())),
            ..v.clone()
        },
        (How::Block(inner), _) => block(inner, v),
        (How::Blocks(inner), Kind::Array(items)) => Value {
            kind: Kind::Array(Arc::new(items.iter().map(|b| block(inner, b)).collect())),
            ..v.clone()
        },
        (How::Blocks(inner), Kind::Object(_)) => Value::array(vec![block(inner, v)], v.loc),
        (How::NameValue(key), Kind::Object(members)) => Value {
            kind: Kind::Array(Arc::new(
                members
                    .iter()
                    .map(|e| {
                        Value::object(
                            vec![
                                Entry {
                                    key: "name".into(),
                                    key_loc: e.key_loc,
                                    value: Value::string(e.key.clone(), e.key_loc),
                                },
                                Entry {
                                    key: key.into(),
                                    key_loc: e.key_loc,
                                    value: e.value.clone(),
                                },
                            ],
                            e.key_loc,
                        )
                    })
                    .collect(),
            )),
            ..v.clone()
        },
        (How::Keys, Kind::Array(items)) => Value {
            kind: Kind::Object(Arc::new(
                items
                    .iter()
                    .map(|id| Entry {
                        key: id.as_str().map_or_else(|| id.display(), str::to_string),
                        key_loc: id.loc,
                        value: Value::object(Vec::new(), id.loc),
                    })
                    .collect(),
            )),
            ..v.clone()
        },
        (How::Json, _) => json(v, v.loc),
        // Unknown, null, or not the shape the attribute takes: as it is.
        _ => v.clone(),
    }
}

/// The value a JSON text encodes: its members' keys located at `at` (the
/// attribute, where findings point), their values where the text is (what
/// a report masks); anything else as it is.
fn json(v: &Value, at: Loc) -> Value {
    fn relocate(x: &mut Value, text: Loc) {
        x.loc = text;
        match &mut x.kind {
            Kind::Array(items) => Arc::make_mut(items)
                .iter_mut()
                .for_each(|i| relocate(i, text)),
            Kind::Object(entries) => Arc::make_mut(entries)
                .iter_mut()
                .for_each(|e| relocate(&mut e.value, text)),
            _ => {}
        }
    }
    let Some(text) = v.as_str() else {
        return v.clone();
    };
    match crate::source::jsonc::parse(text) {
        Ok(doc) => {
            let mut out = crate::model::value::ops::bounded(crate::model::value::ops::from_json(
                &doc.root, None, at,
            ));
            relocate(&mut out, v.loc);
            out.via = v.via.clone();
            out
        }
        Err(_) => v.clone(),
    }
}

/// One block as an ARM object; anything but an object stays as it is.
fn block(maps: &[Map], v: &Value) -> Value {
    if v.as_object().is_none() {
        return v.clone();
    }
    Value {
        kind: Kind::Object(Arc::new(map_entries(maps.iter(), v))),
        ..v.clone()
    }
}

/// Puts `value` at the dotted `path` of `entries`, creating or extending
/// the objects on the way (located at `at`, the object being mapped).
fn insert(entries: &mut Vec<Entry>, path: &str, key_loc: Loc, value: Value, at: Loc) {
    let Some((head, rest)) = path.split_once('.') else {
        entries.push(Entry {
            key: path.to_string(),
            key_loc,
            value,
        });
        return;
    };
    let existing = entries
        .iter()
        .position(|e| e.key.eq_ignore_ascii_case(head) && e.value.as_object().is_some());
    let mut inner = existing
        .and_then(|i| entries[i].value.as_object())
        .map(<[Entry]>::to_vec)
        .unwrap_or_default();
    insert(&mut inner, rest, key_loc, value, at);
    match existing {
        Some(i) => entries[i].value.kind = Kind::Object(Arc::new(inner)),
        None => entries.push(Entry {
            key: head.to_string(),
            key_loc: at,
            value: Value::object(inner, at),
        }),
    }
}

/// Attributes that hold the parent resource's ID (slots, child resources).
pub fn parent_attr(tf_type: &str) -> Option<&'static str> {
    if tf_type.ends_with("_slot") && tf_type.starts_with("azurerm_") {
        return Some("app_service_id");
    }
    match tf_type {
        "azurerm_key_vault_secret"
        | "azurerm_key_vault_key"
        | "azurerm_key_vault_access_policy" => Some("key_vault_id"),
        // The account, or a database or container in it.
        "azurerm_cosmosdb_sql_role_assignment" => Some("scope"),
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
        // An Entra object's ID is its object ID, as Graph's `id` is.
        "object_id" if tf_type.starts_with("azuread_") => Attr::Id,
        p if tf_type.starts_with("azurerm_") && SECRET_ATTRS.contains(&p) => {
            return Meaning::Secret
        }
        p => Attr::Other(p.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value::FileId;
    use crate::source::Span;

    trait GetAt {
        fn get_at(&self, path: &str) -> Option<&Value>;
    }
    impl GetAt for Value {
        fn get_at(&self, path: &str) -> Option<&Value> {
            self.entry_at(path).map(|e| &e.value)
        }
    }

    fn at(n: u32) -> Loc {
        Loc::new(FileId(0), Span::new(n as usize, n as usize + 1))
    }
    fn e(key: &str, n: u32, value: Value) -> Entry {
        Entry {
            key: key.into(),
            key_loc: at(n),
            value,
        }
    }
    fn obj(n: u32, entries: Vec<Entry>) -> Value {
        Value::object(entries, at(n))
    }
    fn s(text: &str, n: u32) -> Value {
        Value::string(text, at(n))
    }
    fn b(v: bool, n: u32) -> Value {
        Value::new(Kind::Bool(v), at(n))
    }
    fn mapped(tf_type: &str, entries: Vec<Entry>) -> Value {
        let mut body = obj(0, entries);
        map_body(tf_type, &mut body);
        body
    }

    #[test]
    fn renamed_attributes_map_like_their_new_name() {
        let rbac = "properties.enableRbacAuthorization";
        let old = mapped(
            "azurerm_key_vault",
            vec![e("enable_rbac_authorization", 10, b(true, 11))],
        );
        let d = old.entry_at(rbac).unwrap();
        assert_eq!((d.key_loc, &d.value), (at(10), &b(true, 11)));
        let new = mapped(
            "azurerm_key_vault",
            vec![e("rbac_authorization_enabled", 10, b(false, 11))],
        );
        assert_eq!(new.get_at(rbac), Some(&b(false, 11)));
        // Both written: the new name wins.
        let both = mapped(
            "azurerm_key_vault",
            vec![
                e("enable_rbac_authorization", 10, b(true, 11)),
                e("rbac_authorization_enabled", 12, b(false, 13)),
            ],
        );
        assert_eq!(both.get_at(rbac), Some(&b(false, 13)));
        assert!(mapped("azurerm_key_vault", vec![]).entry_at(rbac).is_none());
    }

    #[test]
    fn negation_keeps_absent_false_and_unknown_apart() {
        let auth = "properties.disableLocalAuth";
        let on = mapped(
            "azurerm_cognitive_account",
            vec![e("local_auth_enabled", 10, b(true, 11))],
        );
        let d = on.entry_at(auth).unwrap();
        assert_eq!(d.value.kind, Kind::Bool(false));
        // Findings point at the attribute the user wrote.
        assert_eq!((d.key_loc, d.value.loc), (at(10), at(11)));
        // The attribute as written stays beside its ARM spelling.
        assert_eq!(on.get("local_auth_enabled"), Some(&b(true, 11)));

        let off = mapped(
            "azurerm_servicebus_namespace",
            vec![e("local_auth_enabled", 10, s("false", 11))],
        );
        assert_eq!(off.get_at(auth).unwrap().kind, Kind::Bool(true));

        let unknown = Value::opaque("variable `auth` has no value", at(11));
        let u = mapped(
            "azurerm_cognitive_account",
            vec![e("local_auth_enabled", 10, unknown.clone())],
        );
        assert_eq!(u.get_at(auth), Some(&unknown));

        let null = mapped(
            "azurerm_cognitive_account",
            vec![e("local_auth_enabled", 10, Value::new(Kind::Null, at(11)))],
        );
        assert!(null.get_at(auth).unwrap().is_null());

        let absent = mapped("azurerm_cognitive_account", vec![e("name", 1, s("x", 2))]);
        assert!(absent.entry_at(auth).is_none());
        assert!(absent.get("properties").is_none());

        // The same sense where the provider spells it as ARM does.
        let cosmos = mapped(
            "azurerm_cosmosdb_account",
            vec![e("local_authentication_disabled", 10, b(true, 11))],
        );
        assert_eq!(cosmos.get_at(auth).unwrap().kind, Kind::Bool(true));
    }

    #[test]
    fn blocks_become_objects_with_their_attributes_located() {
        let body = mapped(
            "azurerm_kubernetes_cluster",
            vec![
                e(
                    "windows_profile",
                    20,
                    obj(
                        20,
                        vec![
                            e("admin_username", 21, s("winadmin", 22)),
                            e("admin_password", 23, s("P@ss", 24)),
                        ],
                    ),
                ),
                e(
                    "service_principal",
                    30,
                    obj(30, vec![e("client_secret", 31, s("sp", 32))]),
                ),
            ],
        );
        let pw = body
            .entry_at("properties.windowsProfile.adminPassword")
            .unwrap();
        assert_eq!((pw.key_loc, pw.value.loc), (at(23), at(24)));
        let sp = body
            .entry_at("properties.servicePrincipalProfile.secret")
            .unwrap();
        assert_eq!((sp.key_loc, sp.value.as_str()), (at(31), Some("sp")));
        // Unmapped block attributes are not carried into the ARM object.
        let profile = body.get_at("properties.windowsProfile").unwrap();
        assert_eq!(profile.as_object().unwrap().len(), 2);

        // A block given as an unknown value stays unknown.
        let unknown = Value::opaque("variable `profile` has no value", at(21));
        let body = mapped(
            "azurerm_kubernetes_cluster",
            vec![e("windows_profile", 20, unknown.clone())],
        );
        assert_eq!(body.get_at("properties.windowsProfile"), Some(&unknown));
    }

    #[test]
    fn repeated_blocks_become_arrays_gathered_across_enclosing_blocks() {
        let volume = |n: u32, key: &str| {
            obj(
                n,
                vec![
                    e("name", n + 1, s("v", n + 2)),
                    e("storage_account_key", n + 3, s(key, n + 4)),
                ],
            )
        };
        let container = |n: u32, volumes: Value| {
            obj(
                n,
                vec![e("name", n + 1, s("c", n + 2)), e("volume", n + 5, volumes)],
            )
        };
        let body = mapped(
            "azurerm_container_group",
            vec![
                e(
                    "image_registry_credential",
                    10,
                    obj(10, vec![e("password", 11, s("pw", 12))]),
                ),
                e(
                    "container",
                    100,
                    Value::array(
                        vec![
                            container(100, volume(110, "k1")),
                            container(
                                200,
                                Value::array(vec![volume(210, "k2"), volume(220, "k3")], at(200)),
                            ),
                        ],
                        at(100),
                    ),
                ),
            ],
        );
        // One block is an array of one.
        let creds = body.get_at("properties.imageRegistryCredentials").unwrap();
        assert_eq!(creds.as_array().unwrap().len(), 1);
        let keys: Vec<(Loc, &str)> =
            entries_at(&body, "properties.volumes.azureFile.storageAccountKey")
                .iter()
                .map(|e| (e.key_loc, e.value.as_str().unwrap()))
                .collect();
        assert_eq!(keys, [(at(113), "k1"), (at(213), "k2"), (at(223), "k3")]);
        assert_eq!(
            body.get_at("properties.containers")
                .and_then(Value::as_array)
                .map(<[Value]>::len),
            Some(2)
        );
    }

    #[test]
    fn maps_become_name_value_arrays() {
        let settings = obj(
            40,
            vec![
                e("DB_PASSWORD", 41, s("hunter2", 42)),
                e(
                    "API_KEY",
                    43,
                    Value::opaque("variable `key` has no value", at(44)),
                ),
            ],
        );
        let body = mapped(
            "azurerm_linux_web_app",
            vec![
                e("app_settings", 40, settings),
                e(
                    "connection_string",
                    50,
                    obj(
                        50,
                        vec![
                            e("name", 51, s("db", 52)),
                            e("type", 53, s("SQLAzure", 54)),
                            e("value", 55, s("Server=x", 56)),
                        ],
                    ),
                ),
            ],
        );
        let list = body
            .get_at("properties.siteConfig.appSettings")
            .and_then(Value::as_array)
            .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].get("name"), Some(&s("DB_PASSWORD", 41)));
        let v = list[0].entry("value").unwrap();
        assert_eq!((v.key_loc, v.value.as_str()), (at(41), Some("hunter2")));
        assert!(list[1].get("value").unwrap().is_unknown());
        // Both lists share one `siteConfig`.
        let cs = body
            .entry_at("properties.siteConfig.connectionStrings")
            .unwrap();
        let c = cs.value.as_array().unwrap()[0]
            .entry("connectionString")
            .unwrap();
        assert_eq!((c.key_loc, c.value.as_str()), (at(55), Some("Server=x")));

        let unknown = Value::opaque("variable `settings` has no value", at(40));
        let body = mapped(
            "azurerm_windows_function_app",
            vec![e("app_settings", 40, unknown.clone())],
        );
        assert_eq!(
            body.get_at("properties.siteConfig.appSettings"),
            Some(&unknown)
        );
    }

    #[test]
    fn identity_blocks_take_the_arm_shape() {
        let uami = Value::opaque("the ID of `azurerm_user_assigned_identity.app`", at(64));
        let mut body = obj(
            0,
            vec![e(
                "identity",
                60,
                obj(
                    60,
                    vec![
                        e("type", 61, s("SystemAssigned, UserAssigned", 62)),
                        e(
                            "identity_ids",
                            63,
                            Value::array(vec![s("/subscriptions/s/id", 65), uami], at(63)),
                        ),
                    ],
                ),
            )],
        );
        map_identity(&mut body);
        let id = body.get("identity").unwrap();
        assert_eq!(id.get("type"), Some(&s("SystemAssigned, UserAssigned", 62)));
        assert!(id.get("identity_ids").is_none());
        let ua = id.entry("userAssignedIdentities").unwrap();
        assert_eq!(ua.key_loc, at(63));
        let keys: Vec<(&str, Loc)> = ua
            .value
            .as_object()
            .unwrap()
            .iter()
            .map(|e| (e.key.as_str(), e.key_loc))
            .collect();
        assert_eq!(keys[0], ("/subscriptions/s/id", at(65)));
        assert_eq!(keys[1].1, at(64));

        // An unknown list stays unknown; an ARM-shaped identity stays as it is.
        let ids = Value::opaque("variable `ids` has no value", at(63));
        let mut body = obj(
            0,
            vec![e(
                "identity",
                60,
                obj(60, vec![e("identity_ids", 63, ids.clone())]),
            )],
        );
        map_identity(&mut body);
        assert_eq!(body.get_at("identity.userAssignedIdentities"), Some(&ids));
        let arm = obj(
            0,
            vec![e(
                "identity",
                60,
                obj(60, vec![e("userAssignedIdentities", 63, obj(63, vec![]))]),
            )],
        );
        let mut same = arm.clone();
        map_identity(&mut same);
        assert_eq!(same, arm);
    }

    #[test]
    fn spellings_name_what_was_written() {
        let sql = spellings("azurerm_mssql_server");
        let pw = sql
            .iter()
            .find(|s| s.path == "properties.administratorLoginPassword")
            .unwrap();
        assert_eq!(pw.written, "administrator_login_password");
        assert_eq!(pw.write_only, Some("administrator_login_password_wo"));
        assert!(spellings("azurerm_sql_server")
            .iter()
            .all(|s| s.write_only.is_none()));
        let aci = spellings("azurerm_container_group");
        let key = aci
            .iter()
            .find(|s| s.path == "properties.volumes.azureFile.storageAccountKey")
            .unwrap();
        assert_eq!(key.written, "container.volume.storage_account_key");
        assert_eq!(key.key(), "storage_account_key");
        assert!(spellings("azurerm_unknown_thing").is_empty());
    }

    #[test]
    fn encoded_json_becomes_the_object_it_encodes() {
        let text =
            r#"{"connectionString": {"type": "SecureString", "value": "x"}, "fileShare": "drop"}"#;
        let body = mapped(
            "azurerm_data_factory_linked_custom_service",
            vec![
                e("type", 1, s("AzureFileStorage", 2)),
                e("type_properties_json", 3, s(text, 4)),
            ],
        );
        assert_eq!(
            body.get_at("properties.type").and_then(Value::as_str),
            Some("AzureFileStorage")
        );
        let cs = body
            .entry_at("properties.typeProperties.connectionString")
            .unwrap();
        // Findings point at the attribute; the text is where the value is.
        assert_eq!(cs.key_loc, at(3));
        assert_eq!(cs.value.get("value").map(|v| v.loc), Some(at(4)));
        // Text that is not JSON, or not known, stays as it is.
        let body = mapped(
            "azurerm_data_factory_linked_custom_service",
            vec![e("type_properties_json", 3, s("{not json", 4))],
        );
        assert_eq!(
            body.get_at("properties.typeProperties")
                .and_then(Value::as_str),
            Some("{not json")
        );
    }

    #[test]
    fn linked_service_credentials_take_their_arm_paths() {
        let body = mapped(
            "azurerm_data_factory_linked_service_azure_blob_storage",
            vec![
                e("connection_string_insecure", 1, s("AccountKey=k", 2)),
                e("use_managed_identity", 3, b(false, 4)),
            ],
        );
        let v = body
            .entry_at("properties.typeProperties.connectionString.value")
            .unwrap();
        assert_eq!(v.key_loc, at(1));
        assert_eq!(
            body.get_at("properties.typeProperties.useManagedIdentity")
                .and_then(Value::as_bool),
            Some(false)
        );
        assert_eq!(
            canonical_type("azurerm_data_factory_linked_service_sftp"),
            Some("Microsoft.DataFactory/factories/linkedservices")
        );
    }

    /// Rules find resources by ARM type and properties by ARM path: a mapped
    /// type without one would be invisible, and two spellings of one path
    /// would leave findings unsure what to name.
    #[test]
    fn every_mapped_type_has_an_arm_type_and_one_spelling_per_path() {
        for (t, _) in ADAPTER {
            assert!(canonical_type(t).is_some(), "{t} has no ARM type");
            let sp = spellings(t);
            for (i, a) in sp.iter().enumerate() {
                assert!(
                    !sp[i + 1..]
                        .iter()
                        .any(|b| b.path.eq_ignore_ascii_case(&a.path)),
                    "{t}: two spellings of {}",
                    a.path
                );
            }
        }
    }
}
