package org.foldback.remote;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The QR code of the remote's address, for the editor's remote panel to draw (ZXing encodes it;
 * no pixels here, only modules): {@code modules[y][x]} is true for a dark module, quiet zone included.
 */
public final class QrCode {
    private QrCode() {}

    public static boolean[][] modules(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < out.length; y++) {
                for (int x = 0; x < out[y].length; x++) {
                    out[y][x] = m.get(x, y);
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as a QR code: " + e.getMessage(), e);
        }
    }

    /** The address a phone opens: {@code http://HOST:PORT/}. */
    public static String address(String host, int port) {
        return "http://" + host + ":" + port + "/";
    }
}
