/** The config's name, at the repository root unless --config says otherwise. */
export const CONFIG_FILE = 'chokepoint.toml';
