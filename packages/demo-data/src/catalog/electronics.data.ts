import type { Assortment, Variant } from './catalog.types';

const SPACE_COLOURS: ReadonlyArray<Variant> = [
  { label: 'Black', code: 'BLK' },
  { label: 'Silver', code: 'SLV' },
  { label: 'Graphite', code: 'GRA' },
];

export const ELECTRONICS: ReadonlyArray<Assortment> = [
  {
    category: 'laptops',
    variants: [
      { label: '16GB RAM, 512GB SSD', code: '16-512' },
      { label: '16GB RAM, 1TB SSD', code: '16-1T', price: 20000 },
      { label: '32GB RAM, 1TB SSD', code: '32-1T', price: 50000, weight: 10 },
    ],
    features: [
      'The backlit keyboard has 1.5 mm of travel and a precision glass touchpad.',
      'Two Thunderbolt/USB4 ports charge the laptop and drive two external displays.',
      'Wi-Fi 6E and Bluetooth 5.3 keep it connected in crowded offices.',
      'A 1080p webcam with a privacy shutter and dual far-field microphones handle video calls.',
      'Rated for up to 14 hours of video playback; fast charging reaches 50% in about 45 minutes.',
      'Ships with a 65 W USB-C charger and a one-year limited warranty.',
    ],
    lines: [
      { brand: 'Lenovo', model: 'ThinkPad X1 Carbon Gen 12', code: 'LNV-X1C12', price: 149999, weight: 1090, blurb: 'A 14-inch business ultrabook with a carbon-fibre lid, a 2.8K OLED option and the keyboard ThinkPad owners keep recommending.' },
      { brand: 'Dell', model: 'XPS 14', code: 'DEL-XPS14', price: 139999, weight: 1680, blurb: 'A machined-aluminium 14.5-inch laptop with an edge-to-edge keyboard and a seamless haptic touchpad.' },
      { brand: 'Apple', model: 'MacBook Air 13 M3', code: 'APL-MBA13M3', price: 109999, weight: 1240, blurb: 'The fanless 13.6-inch MacBook Air with Apple’s M3 chip: silent under any load and all-day battery life.' },
      { brand: 'ASUS', model: 'Zenbook 14 OLED', code: 'ASU-ZB14', price: 99999, weight: 1200, blurb: 'A light 14-inch laptop with a 120 Hz OLED display, a full set of ports and a surprisingly long battery life.' },
      { brand: 'HP', model: 'Spectre x360 14', code: 'HP-SPX360-14', price: 144999, weight: 1440, blurb: 'A convertible 14-inch laptop whose 360° hinge turns it into a tablet, with a pen in the box.' },
      { brand: 'Framework', model: 'Laptop 13', code: 'FRW-L13', price: 104999, weight: 1300, blurb: 'A repairable, upgradeable 13.5-inch laptop: swap the ports, the battery or the mainboard with one screwdriver.' },
    ],
  },
  {
    category: 'monitors',
    variants: [
      { label: '27-inch', code: '27' },
      { label: '32-inch', code: '32', price: 30000, weight: 1800 },
    ],
    features: [
      'Factory-calibrated to Delta E < 2 with a calibration report in the box.',
      'A single USB-C cable carries video, data and up to 90 W of charging to a laptop.',
      'The stand adjusts for height, tilt, swivel and pivot; a VESA 100 mount is built in.',
      'Flicker-free backlight and a low-blue-light mode certified by TÜV Rheinland.',
      'HDMI 2.1 and DisplayPort 1.4 inputs, plus a four-port USB hub.',
    ],
    lines: [
      { brand: 'Dell', model: 'UltraSharp U-Series 4K USB-C Hub Monitor', code: 'DEL-U4K', price: 57999, weight: 6300, blurb: 'A 4K IPS Black panel with deep contrast for an IPS screen and a built-in Ethernet hub for one-cable desks.' },
      { brand: 'LG', model: 'UltraGear OLED Gaming Monitor', code: 'LG-UGOLED', price: 89999, weight: 6700, blurb: 'A 240 Hz OLED gaming monitor with a 0.03 ms response time and true blacks.' },
      { brand: 'Samsung', model: 'Odyssey G7', code: 'SAM-ODG7', price: 59999, weight: 6500, blurb: 'A curved 1000R QHD gaming monitor running at 240 Hz with G-Sync compatibility.' },
      { brand: 'BenQ', model: 'PD Series Designer Monitor', code: 'BNQ-PD', price: 69999, weight: 7200, blurb: 'A 4K monitor for designers with 99% sRGB coverage and a hotkey puck for switching colour modes.' },
      { brand: 'ASUS', model: 'ProArt Display PA279', code: 'ASU-PA279', price: 44999, weight: 5900, blurb: 'A colour-accurate 4K display for photo editing, Calman-verified out of the box.' },
    ],
  },
  {
    category: 'keyboards-and-mice',
    variants: SPACE_COLOURS,
    features: [
      'Pairs with up to three devices over Bluetooth or the included USB receiver and switches with one key.',
      'Recharges over USB-C; a full charge lasts weeks of office use.',
      'Works with Windows, macOS, Linux, ChromeOS, iPadOS and Android.',
      'Made with at least 50% recycled plastic.',
    ],
    lines: [
      { brand: 'Logitech', model: 'MX Keys S Keyboard', code: 'LOG-MXKS', price: 10999, weight: 810, blurb: 'A full-size low-profile keyboard with spherically dished keys and smart backlighting that wakes as your hands approach.' },
      { brand: 'Logitech', model: 'MX Master 3S Mouse', code: 'LOG-MXM3S', price: 9999, weight: 141, blurb: 'An ergonomic mouse with quiet clicks, an 8K DPI sensor that tracks on glass and a MagSpeed scroll wheel.' },
      { brand: 'Keychron', model: 'Q1 Pro Mechanical Keyboard', code: 'KEY-Q1PRO', price: 19999, weight: 1690, blurb: 'A 75% aluminium mechanical keyboard with hot-swappable switches and a gasket-mounted plate.' },
      { brand: 'Razer', model: 'DeathAdder V3 Pro Mouse', code: 'RAZ-DAV3P', price: 14999, weight: 63, blurb: 'A 63-gram wireless esports mouse with a 30K optical sensor and optical switches.' },
      { brand: 'Microsoft', model: 'Ergonomic Keyboard', code: 'MS-ERGO', price: 5999, weight: 1050, blurb: 'A split, domed keyboard with a cushioned palm rest that keeps wrists in a natural position.' },
    ],
  },
  {
    category: 'smartphones',
    variants: [
      { label: '128GB', code: '128' },
      { label: '256GB', code: '256', price: 10000 },
      { label: '512GB', code: '512', price: 30000 },
    ],
    features: [
      'Unlocked: works with every major carrier, with 5G and eSIM support.',
      'IP68 water and dust resistance: survives a drop in the pool.',
      'Charges wirelessly and over USB-C; 50% in about 30 minutes with a fast charger.',
      'Guaranteed operating-system and security updates for years, not months.',
      'Ships with a USB-C cable; charger sold separately.',
    ],
    lines: [
      { brand: 'Apple', model: 'iPhone 16', code: 'APL-IP16', price: 79999, weight: 170, blurb: 'A 6.1-inch iPhone with the A18 chip, a Camera Control button and a 48 MP Fusion camera.' },
      { brand: 'Samsung', model: 'Galaxy S24', code: 'SAM-GS24', price: 79999, weight: 167, blurb: 'A compact Android flagship with a 120 Hz AMOLED display and seven years of updates.' },
      { brand: 'Google', model: 'Pixel 9', code: 'GOO-PX9', price: 79999, weight: 198, blurb: 'Google’s Pixel with the Tensor G4 chip, superb computational photography and clean Android.' },
      { brand: 'OnePlus', model: '12', code: 'ONE-12', price: 69999, weight: 220, blurb: 'A fast, big-battery phone with 80 W wired charging: empty to full in under half an hour.' },
      { brand: 'Fairphone', model: '5', code: 'FAIR-5', price: 69999, weight: 212, blurb: 'A modular, ethically sourced phone you can repair yourself, with a five-year warranty.' },
    ],
  },
  {
    category: 'tablets',
    variants: [
      { label: 'Wi-Fi, 128GB', code: 'WF-128' },
      { label: 'Wi-Fi, 256GB', code: 'WF-256', price: 10000 },
      { label: 'Wi-Fi + Cellular, 256GB', code: 'CL-256', price: 25000, weight: 5 },
    ],
    features: [
      'Supports a stylus for notes and sketches (sold separately).',
      'All-day battery life: up to 10 hours of browsing on Wi-Fi.',
      'A USB-C port drives external displays and charges accessories.',
      'Landscape front camera, placed where it belongs for video calls.',
    ],
    lines: [
      { brand: 'Apple', model: 'iPad Air 11 M2', code: 'APL-IPA11', price: 59999, weight: 462, blurb: 'An 11-inch iPad with the M2 chip and support for Apple Pencil Pro, thin enough to forget in a bag.' },
      { brand: 'Samsung', model: 'Galaxy Tab S9', code: 'SAM-GTS9', price: 79999, weight: 498, blurb: 'A water-resistant 11-inch AMOLED tablet with the S Pen included.' },
      { brand: 'Microsoft', model: 'Surface Pro 11', code: 'MS-SP11', price: 99999, weight: 895, blurb: 'A Windows tablet that becomes a laptop with its keyboard, with a 13-inch 120 Hz display.' },
      { brand: 'Lenovo', model: 'Tab P12', code: 'LNV-TP12', price: 34999, weight: 615, blurb: 'A 12.7-inch Android tablet with a 3K display and quad speakers, a small home cinema.' },
      { brand: 'Amazon', model: 'Fire Max 11', code: 'AMZ-FM11', price: 22999, weight: 490, blurb: 'An affordable 11-inch tablet for reading, streaming and the kids’ homework.' },
    ],
  },
  {
    category: 'mirrorless-cameras',
    variants: [
      { label: 'Body Only', code: 'BODY' },
      { label: 'Kit with Standard Zoom Lens', code: 'KIT', price: 40000, weight: 500 },
    ],
    features: [
      'In-body image stabilisation gives up to 8 stops of shake reduction.',
      'Subject-detection autofocus tracks eyes of people, animals, birds and vehicles.',
      'Records 4K video at 60p in 10-bit with a full-size HDMI port.',
      'Weather-sealed magnesium-alloy body with dual card slots.',
    ],
    lines: [
      { brand: 'Sony', model: 'Alpha 7 IV', code: 'SNY-A7IV', price: 249999, weight: 658, blurb: 'A 33 MP full-frame all-rounder equally at home shooting weddings, wildlife or YouTube videos.' },
      { brand: 'Canon', model: 'EOS R6 Mark II', code: 'CAN-R6M2', price: 249999, weight: 670, blurb: 'A 24 MP full-frame camera that shoots 40 frames a second and excels in low light.' },
      { brand: 'Nikon', model: 'Z6 III', code: 'NIK-Z6III', price: 249999, weight: 760, blurb: 'A full-frame camera with a partially stacked sensor and the brightest viewfinder in its class.' },
      { brand: 'Fujifilm', model: 'X-T5', code: 'FUJ-XT5', price: 169999, weight: 557, blurb: 'A 40 MP APS-C camera with classic shutter-speed and ISO dials and Fujifilm’s film simulations.' },
      { brand: 'Panasonic', model: 'Lumix S5 II', code: 'PAN-S5II', price: 199999, weight: 740, blurb: 'A video-first full-frame camera with phase-detect autofocus and unlimited 4K recording.' },
    ],
  },
  {
    category: 'action-cameras',
    variants: [
      { label: 'Standard', code: 'STD' },
      { label: 'Adventure Bundle', code: 'ADV', price: 10000, weight: 180 },
    ],
    features: [
      'Waterproof to 10 m without a housing.',
      'Horizon levelling keeps footage straight however the camera rolls.',
      'Streams live and backs up footage to the phone app over Wi-Fi.',
      'The Adventure Bundle adds a second battery, a grip and a head strap.',
    ],
    lines: [
      { brand: 'GoPro', model: 'HERO12 Black', code: 'GPR-H12', price: 39999, weight: 154, blurb: 'GoPro’s flagship with 5.3K video, HDR and HyperSmooth 6.0 stabilisation.' },
      { brand: 'DJI', model: 'Osmo Action 4', code: 'DJI-OA4', price: 29999, weight: 145, blurb: 'An action camera with a large 1/1.3-inch sensor that stays clean at dusk and indoors.' },
      { brand: 'Insta360', model: 'Ace Pro', code: 'I360-ACEP', price: 44999, weight: 179, blurb: 'An action camera co-engineered with Leica, with a flip screen for vlogging.' },
      { brand: 'Insta360', model: 'X4', code: 'I360-X4', price: 49999, weight: 203, blurb: 'A 360° camera that shoots 8K: frame the shot afterwards, the selfie stick disappears.' },
      { brand: 'AKASO', model: 'Brave 7', code: 'AKS-BR7', price: 15999, weight: 127, blurb: 'An affordable 4K action camera with a front screen and a voice-controlled shutter.' },
    ],
  },
];
