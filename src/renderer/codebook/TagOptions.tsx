/** The codebook's tags as the options of a tag menu (reports, timeline, library, agreement), by name. */
export function TagOptions({ tags }: { tags: readonly { id: string; name: string }[] }) {
  return (
    <>
      {tags.map((tag) => (
        <option key={tag.id} value={tag.id}>
          {tag.name}
        </option>
      ))}
    </>
  );
}
