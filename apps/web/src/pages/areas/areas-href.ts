/** The areas page at a path of area ids (top first). */
export function areasHref(path: readonly string[]): string {
  return path.length === 0 ? '/areas' : `/areas?path=${path.join(',')}`;
}

export function pathFrom(params: URLSearchParams): string[] {
  return (params.get('path') ?? '').split(',').filter((id) => id !== '');
}
