import type { Assortment } from './catalog.types';

export const HOME_AND_KITCHEN: ReadonlyArray<Assortment> = [
  {
    category: 'espresso-machines',
    variants: [
      { label: 'Brushed Stainless Steel', code: 'SS' },
      { label: 'Matte Black', code: 'MB', price: 5000 },
    ],
    features: [
      'A PID controller holds the brew temperature within a degree.',
      'The steam wand textures microfoam for latte art.',
      'Ships with single and double baskets, a tamper and a milk jug.',
      'Pre-infusion wets the puck gently for an even extraction.',
    ],
    lines: [
      { brand: 'Breville', model: 'Barista Express', code: 'BRV-BES870', price: 69999, weight: 10400, blurb: 'An all-in-one espresso machine with a built-in conical burr grinder: bean to cup in under a minute.' },
      { brand: 'De’Longhi', model: 'Dedica Arte', code: 'DLG-DEDARTE', price: 29999, weight: 4200, blurb: 'A slim 15 cm wide machine for small kitchens, with a professional steam wand.' },
      { brand: 'Gaggia', model: 'Classic Evo Pro', code: 'GAG-CLASSIC', price: 44999, weight: 8000, blurb: 'A simple, sturdy machine with a commercial 58 mm portafilter, loved by home baristas for decades.' },
      { brand: 'Rancilio', model: 'Silvia Pro X', code: 'RAN-SILVPX', price: 189999, weight: 20000, blurb: 'A dual-boiler machine built like café equipment: brew and steam at the same time.' },
      { brand: 'Lelit', model: 'Mara X', code: 'LEL-MARAX', price: 179999, weight: 22000, blurb: 'A compact heat-exchanger machine with a temperature mode for light and dark roasts.' },
    ],
  },
  {
    category: 'coffee-grinders',
    variants: [
      { label: 'Black', code: 'BLK' },
      { label: 'White', code: 'WHT' },
    ],
    features: [
      'Burrs, not blades: an even grind and a balanced cup.',
      'Grinds within seconds of the button and retains almost nothing between doses.',
      'The upper burr lifts out for cleaning without tools.',
      'Stepless or fine-step adjustment covers espresso to French press.',
    ],
    lines: [
      { brand: 'Baratza', model: 'Encore ESP', code: 'BRZ-ENCESP', price: 19999, weight: 3200, blurb: 'The beginner’s favourite, re-engineered with a fine espresso range and a dosing cup.' },
      { brand: 'Fellow', model: 'Opus Conical Burr Grinder', code: 'FEL-OPUS', price: 19999, weight: 2400, blurb: 'A compact all-purpose grinder with 41 settings and an anti-static dosing cup.' },
      { brand: 'Eureka', model: 'Mignon Specialita', code: 'EUR-MIGSPE', price: 54999, weight: 5600, blurb: 'A quiet Italian espresso grinder with 55 mm flat burrs and a touchscreen timer.' },
      { brand: 'Niche', model: 'Zero', code: 'NCH-ZERO', price: 69999, weight: 4500, blurb: 'A single-dose grinder with 63 mm conical burrs and near-zero retention.' },
      { brand: '1Zpresso', model: 'J-Max Hand Grinder', code: '1ZP-JMAX', price: 18999, weight: 715, blurb: 'A precise hand grinder for espresso on the road, with 450 adjustment clicks.' },
    ],
  },
  {
    category: 'pour-over-and-brewing',
    variants: [
      { label: 'Single', code: 'ONE' },
      { label: 'Starter Set with Filters', code: 'SET', price: 1500, weight: 300 },
    ],
    features: [
      'Simple to clean: rinse, dry, done.',
      'Brews one to four cups at a time.',
      'The starter set adds 100 paper filters and a measuring scoop.',
      'A brew guide with recipes from award-winning baristas is included.',
    ],
    lines: [
      { brand: 'Hario', model: 'V60 Ceramic Dripper 02', code: 'HAR-V60-02', price: 2999, weight: 420, blurb: 'The cone dripper with spiral ribs that made pour-over famous: bright, clean cups.' },
      { brand: 'Chemex', model: 'Classic 6-Cup Coffeemaker', code: 'CHX-CM6', price: 4999, weight: 600, blurb: 'The 1941 hourglass brewer in borosilicate glass with a wood collar, in MoMA’s collection.' },
      { brand: 'Fellow', model: 'Stagg EKG Electric Kettle', code: 'FEL-STAGGEKG', price: 16999, weight: 1300, blurb: 'A gooseneck kettle that heats to the degree and holds the temperature for an hour.', variants: [{ label: 'Matte Black', code: 'BLK' }, { label: 'Polished Copper', code: 'CPR', price: 3000 }] },
      { brand: 'AeroPress', model: 'Original Coffee Maker', code: 'AER-ORIG', price: 3999, weight: 220, blurb: 'A near-indestructible press that brews smooth coffee in two minutes, anywhere.' },
      { brand: 'Kalita', model: 'Wave 185 Dripper', code: 'KAL-WAVE185', price: 3499, weight: 330, blurb: 'A flat-bottomed dripper with three small holes for a forgiving, even extraction.' },
    ],
  },
  {
    category: 'cookware',
    variants: [
      { label: '20 cm', code: '20' },
      { label: '24 cm', code: '24', price: 2000, weight: 500 },
      { label: '28 cm', code: '28', price: 4000, weight: 900 },
    ],
    features: [
      'Works on gas, electric, ceramic and induction hobs.',
      'Oven safe to 260 °C, handle included.',
      'Heats evenly edge to edge, without hot spots.',
      'Backed by a lifetime warranty.',
    ],
    lines: [
      { brand: 'Lodge', model: 'Cast Iron Skillet', code: 'LDG-SKIL', price: 2999, weight: 2300, blurb: 'Pre-seasoned American cast iron that sears like a restaurant pan and lasts generations.' },
      { brand: 'Le Creuset', model: 'Signature Round Dutch Oven', code: 'LCR-SIGDO', price: 37999, weight: 4500, blurb: 'Enamelled cast iron for braises and bread, in the colours people hand down.' },
      { brand: 'All-Clad', model: 'D3 Stainless Fry Pan', code: 'ALC-D3FP', price: 11999, weight: 1100, blurb: 'Three-ply bonded stainless steel made in Pennsylvania, the professional kitchen standard.' },
      { brand: 'Staub', model: 'Cast Iron Cocotte', code: 'STB-COCO', price: 29999, weight: 4200, blurb: 'A French cocotte whose spiked lid bastes the food as it cooks.' },
      { brand: 'Made In', model: 'Blue Carbon Steel Frying Pan', code: 'MDI-CSFP', price: 8999, weight: 1400, blurb: 'Lighter than cast iron, tougher than non-stick: it seasons and improves with use.' },
    ],
  },
  {
    category: 'small-appliances',
    variants: [
      { label: 'Black', code: 'BLK' },
      { label: 'White', code: 'WHT' },
      { label: 'Red', code: 'RED', price: 2000 },
    ],
    features: [
      'Dishwasher-safe removable parts.',
      'Automatic shut-off for peace of mind.',
      'A recipe booklet with 50 recipes is included.',
      'Covered by a two-year manufacturer warranty.',
    ],
    lines: [
      { brand: 'Vitamix', model: 'E310 Explorian Blender', code: 'VTX-E310', price: 34999, weight: 5000, blurb: 'A professional-grade blender with ten speeds that turns ice into snow and nuts into butter.' },
      { brand: 'KitchenAid', model: 'Artisan Stand Mixer 5 qt', code: 'KAD-ARTSM', price: 44999, weight: 10800, blurb: 'The tilt-head stand mixer with a 4.7-litre bowl and a hub for over ten attachments.' },
      { brand: 'Ninja', model: 'AF101 Air Fryer', code: 'NIN-AF101', price: 8999, weight: 4900, blurb: 'A 3.8-litre air fryer that crisps with little or no oil and dehydrates too.' },
      { brand: 'Instant Pot', model: 'Duo 7-in-1 Pressure Cooker', code: 'INP-DUO6', price: 9999, weight: 5400, blurb: 'Pressure cooker, slow cooker, rice cooker, steamer, sauté pan, yogurt maker and warmer in one pot.' },
      { brand: 'Breville', model: 'Smart Oven Air Fryer Pro', code: 'BRV-SOAFP', price: 39999, weight: 17600, blurb: 'A countertop convection oven that fits a 14-inch pizza and air-fries, roasts and dehydrates.' },
    ],
  },
];
