/** True when web/dist is missing or older than web/, client/ or README.md. */
export function webBuildStale(root: string): boolean;
/** Runs `vite build` for web/ if needed (true when it built); throws with vite's output when it fails. */
export function ensureWebBuilt(root: string, log?: (line: string) => void): boolean;
