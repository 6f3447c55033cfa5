package io.passivetcp.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Spec §7.7.2 and Appendix B: the {@code lang} printed for a request's Accept-Language value.
 */
public final class AcceptLanguage {
    /** Printed when the two-letter code is not in the table (e.g. upper case {@code EN-us}). */
    public static final String UNKNOWN = "???";

    /** ISO-639-1 code → printed name; codes are lower case and matched exactly (185 entries). */
    private static final String[] TABLE = {
            "aa", "Afar", "ab", "Abkhazian", "ae", "Avestan", "af", "Afrikaans", "ak", "Akan", "am", "Amharic",
            "an", "Aragonese", "ar", "Arabic", "as", "Assamese", "av", "Avaric", "ay", "Aymara", "az", "Azerbaijani",
            "ba", "Bashkir", "be", "Belarusian", "bg", "Bulgarian", "bh", "Bihari", "bi", "Bislama", "bm", "Bambara",
            "bn", "Bengali", "bo", "Tibetan", "br", "Breton", "bs", "Bosnian", "ca", "Catalan", "ce", "Chechen",
            "ch", "Chamorro", "co", "Corsican", "cr", "Cree", "cs", "Czech", "cu", "Church Slavic", "cv", "Chuvash",
            "cy", "Welsh", "da", "Danish", "de", "German", "dv", "Dhivehi", "dz", "Dzongkha", "ee", "Ewe",
            "el", "Modern Greek", "en", "English", "eo", "Esperanto", "es", "Spanish", "et", "Estonian",
            "eu", "Basque", "fa", "Persian", "ff", "Fulah", "fi", "Finnish", "fj", "Fijian", "fo", "Faroese",
            "fr", "French", "fy", "Western Frisian", "ga", "Irish", "gd", "Scottish Gaelic", "gl", "Galician",
            "gn", "Guarani", "gu", "Gujarati", "gv", "Manx", "ha", "Hausa", "he", "Hebrew", "hi", "Hindi",
            "ho", "Hiri Motu", "hr", "Croatian", "ht", "Haitian", "hu", "Hungarian", "hy", "Armenian", "hz", "Herero",
            "ia", "Interlingua", "id", "Indonesian", "ie", "Interlingue", "ig", "Igbo", "ii", "Sichuan Yi",
            "ik", "Inupiaq", "io", "Ido", "is", "Icelandic", "it", "Italian", "iu", "Inuktitut", "ja", "Japanese",
            "jv", "Javanese", "ka", "Georgian", "kg", "Kongo", "ki", "Kikuyu", "kj", "Kuanyama", "kk", "Kazakh",
            "kl", "Kalaallisut", "km", "Central Khmer", "kn", "Kannada", "ko", "Korean", "kr", "Kanuri",
            "ks", "Kashmiri", "ku", "Kurdish", "kv", "Komi", "kw", "Cornish", "ky", "Kirghiz", "la", "Latin",
            "lb", "Luxembourgish", "lg", "Ganda", "li", "Limburgan", "ln", "Lingala", "lo", "Lao", "lt", "Lithuanian",
            "lu", "Luba-Katanga", "lv", "Latvian", "mg", "Malagasy", "mh", "Marshallese", "mi", "Maori",
            "mk", "Macedonian", "ml", "Malayalam", "mn", "Mongolian", "mr", "Marathi", "ms", "Malay", "mt", "Maltese",
            "my", "Burmese", "na", "Nauru", "nb", "Norwegian Bokmal", "nd", "North Ndebele", "ne", "Nepali",
            "ng", "Ndonga", "nl", "Dutch", "nn", "Norwegian Nynorsk", "no", "Norwegian", "nr", "South Ndebele",
            "nv", "Navajo", "ny", "Nyanja", "oc", "Occitan", "oj", "Ojibwa", "om", "Oromo", "or", "Oriya",
            "os", "Ossetian", "pa", "Panjabi", "pi", "Pali", "pl", "Polish", "ps", "Pushto", "pt", "Portuguese",
            "qu", "Quechua", "rm", "Romansh", "rn", "Rundi", "ro", "Romanian", "ru", "Russian", "rw", "Kinyarwanda",
            "sa", "Sanskrit", "sc", "Sardinian", "sd", "Sindhi", "se", "Northern Sami", "sg", "Sango",
            "sh", "Serbo-Croatian", "si", "Sinhala", "sk", "Slovak", "sl", "Slovenian", "sm", "Samoan", "sn", "Shona",
            "so", "Somali", "sq", "Albanian", "sr", "Serbian", "ss", "Swati", "st", "Southern Sotho",
            "su", "Sundanese", "sv", "Swedish", "sw", "Swahili", "ta", "Tamil", "te", "Telugu", "tg", "Tajik",
            "th", "Thai", "ti", "Tigrinya", "tk", "Turkmen", "tl", "Tagalog", "tn", "Tswana", "to", "Tonga",
            "tr", "Turkish", "ts", "Tsonga", "tt", "Tatar", "tw", "Twi", "ty", "Tahitian", "ug", "Uighur",
            "uk", "Ukrainian", "ur", "Urdu", "uz", "Uzbek", "ve", "Venda", "vi", "Vietnamese", "vo", "Volapuk",
            "wa", "Walloon", "wo", "Wolof", "xh", "Xhosa", "yi", "Yiddish", "yo", "Yoruba", "za", "Zhuang",
            "zh", "Chinese", "zu", "Zulu"
    };

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (int i = 0; i < TABLE.length; i += 2) {
            NAMES.put(TABLE[i], TABLE[i + 1]);
        }
    }

    private AcceptLanguage() {}

    /**
     * The language name when the value starts with two letters not followed by a third (C {@code isalpha}, and the
     * value is a C string: a NUL ends it) and the pair is in the table, case-sensitively; {@link #UNKNOWN} when
     * such a pair is not in the table; null (printed {@code none}) otherwise, including a null value and three-letter
     * codes such as {@code fil}.
     */
    public static String lookup(String acceptLanguageValue) {
        if (acceptLanguageValue == null) {
            return null;
        }
        String v = acceptLanguageValue;
        int end = v.indexOf('\0');
        if (end >= 0) {
            v = v.substring(0, end);
        }
        if (v.length() < 2 || !isAlpha(v.charAt(0)) || !isAlpha(v.charAt(1))
                || (v.length() > 2 && isAlpha(v.charAt(2)))) {
            return null;
        }
        return NAMES.getOrDefault(v.substring(0, 2), UNKNOWN);
    }

    /** Number of table entries (185). */
    static int size() {
        return NAMES.size();
    }

    /** C {@code isalpha} in the C locale. */
    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
