export declare const README: string
export declare function quickStartSource(readme?: string): string
