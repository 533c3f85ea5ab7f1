// Types of the afterPack hook (scripts/after-pack.mjs) for its unit test.
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number | string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export declare const FUSES: Record<string, unknown> & { version: string; strictlyRequireAllFuses: boolean };
export declare function electronBinaryPath(context: PackContext): string;
export declare function fuseConfigFor(context: PackContext): Record<string, unknown>;
export declare function afterPack(context: PackContext, flip?: (file: string, config: unknown) => Promise<unknown>): Promise<void>;
export default afterPack;
