const HUES = 8;

/**
 * The product's picture until the catalogue has images: its initials on a colour of its own (drawn from its id,
 * so a product keeps its colour), made here — the CSP admits no image from elsewhere.
 */
export function ProductImage({ id, name, size = 'card' }: { id: string; name: string; size?: 'card' | 'large' }) {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const initials = name
    .split(/\s+/)
    .filter((word) => /^[A-Za-z0-9]/.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  return (
    <div className={`product-image product-image-${size} hue-${hash % HUES}`} aria-hidden="true">
      <span>{initials}</span>
    </div>
  );
}
