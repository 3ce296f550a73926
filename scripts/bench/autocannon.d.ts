// autocannon ships no types and @types/autocannon is not a dependency: the part the bench uses.
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p90: number; p99: number; min: number; max: number };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    timeout?: number;
  };

  export type AutocannonResult = {
    requests: Histogram & { total: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  };

  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
