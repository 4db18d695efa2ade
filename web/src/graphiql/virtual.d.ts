declare module "virtual:twin-examples" {
  const examples: ReadonlyArray<{ readonly title: string; readonly query: string; readonly source: string }>;
  export default examples;
}
