"""Where the store's data lives, who this till is, and the till's settings file."""

from pos.config.model import (
    BAUDRATES,
    CUSTOMER_DISPLAY_MODES,
    LANGUAGES,
    PRINTER_KINDS,
    RECEIPT_DEFAULTS,
    REQUIRED_FOR_KIND,
    FiscalSettings,
    Settings,
    SettingsError,
    StoreSettings,
    TillSettings,
)
from pos.config.paths import (
    APP_NAME,
    CONFIG_ENV,
    DATA_DIR_ENV,
    DATABASE_FILE,
    SETTINGS_FILE,
    config_path,
    resolve_data_dir,
)
from pos.config.settings_file import load_settings, save_settings
from pos.config.validation import settings_from_dict, settings_to_dict

__all__ = [
    "APP_NAME",
    "BAUDRATES",
    "CONFIG_ENV",
    "CUSTOMER_DISPLAY_MODES",
    "DATABASE_FILE",
    "DATA_DIR_ENV",
    "LANGUAGES",
    "PRINTER_KINDS",
    "RECEIPT_DEFAULTS",
    "REQUIRED_FOR_KIND",
    "SETTINGS_FILE",
    "FiscalSettings",
    "Settings",
    "SettingsError",
    "StoreSettings",
    "TillSettings",
    "config_path",
    "load_settings",
    "resolve_data_dir",
    "save_settings",
    "settings_from_dict",
    "settings_to_dict",
]
