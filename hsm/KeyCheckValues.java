import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Prints "label kcv" for every secret key of a token, computed inside the token through SunPKCS11 (the key never
 * leaves it): AES keys encrypt a zero block (AES/ECB), generic secrets MAC it (HmacSHA256); the first 3 bytes.
 * Usage: java hsm/KeyCheckValues.java SUNPKCS11_CONFIG, with the user PIN on standard input.
 */
public class KeyCheckValues {
    public static void main(String[] args) throws Exception {
        char[] pin = new String(System.in.readAllBytes()).strip().toCharArray();
        Provider provider = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin);
        for (String label : Collections.list(store.aliases())) {
            Key key = store.getKey(label, null);
            if (!(key instanceof javax.crypto.SecretKey)) {
                continue; // a signing key pair (the audit checkpoint key) has no key check value
            }
            byte[] check;
            if ("AES".equalsIgnoreCase(key.getAlgorithm())) {
                Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding", provider);
                cipher.init(Cipher.ENCRYPT_MODE, key);
                check = cipher.doFinal(new byte[16]);
            } else {
                Mac mac = Mac.getInstance("HmacSHA256", provider);
                mac.init(key);
                check = mac.doFinal(new byte[16]);
            }
            System.out.println(label + " " + HexFormat.of().formatHex(check, 0, 3));
        }
    }
}
